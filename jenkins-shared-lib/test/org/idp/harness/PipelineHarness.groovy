package org.idp.harness

import org.codehaus.groovy.control.CompilationFailedException
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.customizers.ImportCustomizer
import org.codehaus.groovy.runtime.InvokerHelper

/**
 * Runs the library's global steps (vars/) as plain Groovy with every Jenkins step replaced by a recording stub.
 * One harness is one build: set the scenario (branch, failing commands, approval), then call run once.
 */
class PipelineHarness {
    static final String BINDING_NAME = 'idpTestHarness'
    static final File LIBRARY = locateLibrary()
    private static Map<String, Class> varClasses

    final Map<String, String> environment = [JOB_NAME: 'payments-api/main', BUILD_NUMBER: '7', BUILD_URL: 'https://jenkins.example.internal/job/payments-api/job/main/7/']
    final List<Map<String, String>> overlays = []
    final List<String> blocks = []
    final List<RecordedCall> calls = []
    final Set<String> secretValues = new LinkedHashSet<String>()
    final BuildStatus currentBuild = new BuildStatus()
    final List<String> failingScripts = []
    Closure<Object> approval
    /** Why the first failed stage failed, kept by the declarative runner (which does not rethrow). */
    String firstFailure
    private final Map<String, Script> vars = [:]
    private final StepStubs stubs = new StepStubs(this)
    private final Binding binding = new Binding()

    PipelineHarness() {
        binding.setVariable(BINDING_NAME, this)
        binding.setVariable('env', new EnvironmentView(this))
        binding.setVariable('currentBuild', currentBuild)
        binding.setVariable('scm', [class: 'GitSCM', branches: [[name: '*/main']]])
        binding.setVariable('params', [:].asImmutable())
        for (Map.Entry<String, Class> var : loadVarClasses().entrySet()) {
            vars[var.key] = InvokerHelper.createScript(var.value, binding)
        }
    }

    PipelineHarness onBranch(String branch) {
        environment.BRANCH_NAME = branch
        environment.JOB_NAME = "payments-api/${branch}".toString()
        return this
    }

    PipelineHarness forChangeRequest(String id, String targetBranch) {
        environment.BRANCH_NAME = "PR-${id}".toString()
        environment.CHANGE_ID = id
        environment.CHANGE_TARGET = targetBranch
        return this
    }

    /** Every sh script matching the regex exits with code 1. */
    PipelineHarness failingShell(String regex) {
        failingScripts << regex
        return this
    }

    PipelineHarness approvedBy(String user) {
        approval = { Map question -> StepStubs.answerLikeJenkins(question, user) }
        return this
    }

    PipelineHarness rejectedBy(String user) {
        approval = { Map question -> throw new BuildInterrupted("Rejected by ${user}") }
        return this
    }

    PipelineHarness approvalTimesOut() {
        approval = { Map question -> throw new BuildInterrupted('Timeout has been exceeded') }
        return this
    }

    /** Calls a global step as a Jenkinsfile would and returns what happened; harness errors propagate. */
    BuildRun run(String step, Object... arguments) {
        return runBuild { invokeStep(step, arguments) }
    }

    /** Runs a Jenkinsfile as Jenkins would after loading the library named in its @Library line. */
    BuildRun runJenkinsfile(File jenkinsfile) {
        CompilerConfiguration configuration = new CompilerConfiguration()
        configuration.scriptBaseClass = PipelineScript.name
        configuration.addCompilationCustomizers(new ImportCustomizer().addImport('Library', Library.name))
        Script script = new GroovyShell(PipelineHarness.classLoader, binding, configuration).parse(jenkinsfile)
        return runBuild { script.run() }
    }

    private BuildRun runBuild(Closure build) {
        String failure = null
        try {
            build.call()
        } catch (BuildInterrupted e) {
            currentBuild.worsen('ABORTED')
            failure = e.message
        } catch (StepFailure e) {
            currentBuild.worsen('FAILURE')
            failure = e.message
        }
        if (failure == null) {
            failure = firstFailure
        }
        return new BuildRun(currentBuild.currentResult, failure, calls, secretValues)
    }

    Object invokeStep(String name, Object[] arguments) {
        if (vars.containsKey(name)) {
            return vars[name].invokeMethod('call', arguments)
        }
        return stubs.invoke(name, arguments)
    }

    RecordedCall record(String step, Object arguments, boolean interpolated = false) {
        RecordedCall call = new RecordedCall(calls.size() + 1, step, arguments, new ArrayList<String>(blocks), currentEnvironment(), interpolated)
        calls << call
        return call
    }

    Object inBlock(String label, Closure body) {
        blocks << label
        try {
            return body.call()
        } finally {
            blocks.remove(blocks.size() - 1)
        }
    }

    Object withOverlay(Map<String, String> variables, Closure body) {
        overlays << variables
        try {
            return body.call()
        } finally {
            overlays.remove(overlays.size() - 1)
        }
    }

    Map<String, String> currentEnvironment() {
        Map<String, String> merged = new LinkedHashMap<String, String>(environment)
        for (Map<String, String> overlay : overlays) {
            merged.putAll(overlay)
        }
        return merged
    }

    private static File locateLibrary() {
        File library = new File(System.getProperty('idp.library', '.')).canonicalFile
        if (!new File(library, 'vars').isDirectory()) {
            throw new HarnessError("The shared library was not found at ${library} (no vars/ folder): run the tests from jenkins-shared-lib/ or pass -Didp.library=<path>.")
        }
        return library
    }

    /** Compiled once per test run; a compile error fails each test that needs the steps, naming the file. */
    private static synchronized Map<String, Class> loadVarClasses() {
        if (varClasses != null) {
            return varClasses
        }
        CompilerConfiguration configuration = new CompilerConfiguration()
        configuration.scriptBaseClass = PipelineScript.name
        GroovyClassLoader loader = new GroovyClassLoader(PipelineHarness.classLoader, configuration)
        loader.addClasspath(new File(LIBRARY, 'src').path)
        Map<String, Class> classes = new TreeMap<String, Class>()
        for (File file : new File(LIBRARY, 'vars').listFiles().findAll { it.name.endsWith('.groovy') }) {
            try {
                classes[file.name - '.groovy'] = loader.parseClass(file)
            } catch (CompilationFailedException e) {
                throw new HarnessError("${file} does not compile, so no step can be run (CompileAllTests shows every error):\n${e.message}")
            }
        }
        varClasses = classes
        return classes
    }
}
