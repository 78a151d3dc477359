// Runs the shared library's JUnit 4 test classes (every *Tests.groovy under test/) and prints each result.
// Usage (from jenkins-shared-lib/, through run-tests.sh): TestRunner.groovy [--report file.json] [ClassName...]
import groovy.json.JsonOutput
import org.junit.runner.Description
import org.junit.runner.JUnitCore
import org.junit.runner.Request
import org.junit.runner.notification.Failure
import org.junit.runner.notification.RunListener

File testRoot = new File('test')
String reportPath = null
List<String> wanted = []
for (int i = 0; i < args.length; i++) {
    if (args[i] == '--report') {
        reportPath = args[++i]
    } else {
        wanted << args[i]
    }
}

List<String> classNames = []
testRoot.eachFileRecurse { File file ->
    if (file.name.endsWith('Tests.groovy')) {
        String name = file.path.substring(testRoot.path.length() + 1, file.path.length() - '.groovy'.length()).replace(File.separator, '.')
        if (wanted.isEmpty() || wanted.contains(name) || wanted.contains(name.tokenize('.').last())) {
            classNames << name
        }
    }
}
classNames.sort()
if (classNames.isEmpty()) {
    System.err.println("No test class matched ${wanted} under ${testRoot.absolutePath}.")
    System.exit(2)
}

List<Map> report = []
int failed = 0
for (String className : classNames) {
    Map classResult = [name: className.tokenize('.').last(), fullName: className, passed: [], failures: []]
    report << classResult
    long started = System.currentTimeMillis()
    try {
        Class testClass = this.class.classLoader.loadClass(className)
        JUnitCore junit = new JUnitCore()
        junit.addListener(new RunListener() {
            void testFinished(Description description) {
                if (!classResult.failures.any { it.test == description.methodName }) {
                    classResult.passed << description.methodName
                    println "  PASS ${classResult.name}.${description.methodName}"
                }
            }

            void testFailure(Failure failure) {
                String method = failure.description.methodName ?: '(class setup)'
                classResult.failures << [test: method, message: failure.message ?: failure.exception.toString(), trace: failure.trace]
                println "  FAIL ${classResult.name}.${method}\n${failure.message ?: failure.trace}".replaceAll('(?m)^', '  ').substring(2)
            }
        })
        junit.run(Request.aClass(testClass))
    } catch (Throwable e) {
        StringWriter trace = new StringWriter()
        e.printStackTrace(new PrintWriter(trace))
        classResult.failures << [test: '(loading the class)', message: e.toString(), trace: trace.toString()]
        println "  FAIL ${classResult.name} could not be loaded: ${e}\n${trace}"
    }
    classResult.seconds = (System.currentTimeMillis() - started) / 1000.0
    failed += classResult.failures.size()
    println "${classResult.failures ? 'FAILED' : 'passed'} ${classResult.name}: ${classResult.passed.size()} passed, ${classResult.failures.size()} failed (${classResult.seconds} s)"
}

if (reportPath != null) {
    new File(reportPath).text = JsonOutput.prettyPrint(JsonOutput.toJson([classes: report]))
}
println(failed == 0 ? "All ${classNames.size()} test classes passed." : "${failed} test(s) failed.")
System.exit(failed == 0 ? 0 : 1)
