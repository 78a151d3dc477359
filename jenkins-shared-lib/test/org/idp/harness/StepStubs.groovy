package org.idp.harness

/**
 * Stand-ins for the Jenkins steps the library may call. Each records itself; block steps run their body inside a
 * labelled block so tests can assert nesting (input inside timeout, sh inside withCredentials). A step without a
 * stub is a HarnessError, which catches typos in step names as Jenkins would.
 */
class StepStubs {
    static final List<String> STEPS = ['pipeline', 'sh', 'echo', 'error', 'checkout', 'dir', 'withEnv', 'withCredentials',
        'usernamePassword', 'string', 'withVault', 'lock', 'milestone', 'input', 'timeout', 'stage', 'script', 'junit',
        'recordCoverage', 'archiveArtifacts', 'libraryResource']

    private final PipelineHarness harness

    StepStubs(PipelineHarness harness) {
        this.harness = harness
    }

    Object invoke(String name, Object[] arguments) {
        if (!STEPS.contains(name)) {
            throw new HarnessError("The library called the step '${name}(${arguments.toList()})', which the harness does not stub. " +
                "If it is a real Jenkins step, add it to StepStubs (and to the plugin list in jenkins-shared-lib/README.md); otherwise it is a typo.")
        }
        return this."$name"(arguments.toList())
    }

    def pipeline(List arguments) {
        return new DeclarativeRunner(harness).run((Closure) arguments[0])
    }

    def sh(List arguments) {
        Object script = arguments[0] instanceof Map ? ((Map) arguments[0]).script : arguments[0]
        Map recorded = arguments[0] instanceof Map ? new LinkedHashMap((Map) arguments[0]) : [script: arguments[0]]
        recorded.script = script.toString()
        harness.record('sh', recorded, script instanceof GString)
        boolean returnStatus = arguments[0] instanceof Map && ((Map) arguments[0]).returnStatus
        for (String regex : harness.failingScripts) {
            if (script.toString() =~ regex) {
                if (returnStatus) {
                    return 1
                }
                throw new StepFailure("script returned exit code 1 (${script})")
            }
        }
        return returnStatus ? 0 : ''
    }

    def echo(List arguments) {
        harness.record('echo', arguments[0].toString(), arguments[0] instanceof GString)
    }

    def error(List arguments) {
        harness.record('error', arguments[0].toString())
        throw new StepFailure(arguments[0].toString())
    }

    def checkout(List arguments) {
        harness.record('checkout', arguments[0])
    }

    def dir(List arguments) {
        harness.record('dir', arguments[0].toString())
        return harness.inBlock("dir:${arguments[0]}".toString(), (Closure) arguments[1])
    }

    def withEnv(List arguments) {
        Map<String, String> variables = [:]
        for (Object entry : (List) arguments[0]) {
            int equals = entry.toString().indexOf('=')
            if (equals < 1) {
                throw new HarnessError("withEnv needs entries of the form NAME=value, but got '${entry}'.")
            }
            variables[entry.toString().substring(0, equals)] = entry.toString().substring(equals + 1)
        }
        harness.record('withEnv', variables)
        return harness.inBlock("withEnv${variables.keySet()}".toString()) {
            harness.withOverlay(variables, (Closure) arguments[1])
        }
    }

    def usernamePassword(List arguments) {
        return credentialBinding('usernamePassword', (Map) arguments[0], ['credentialsId', 'usernameVariable', 'passwordVariable'])
    }

    def string(List arguments) {
        return credentialBinding('string', (Map) arguments[0], ['credentialsId', 'variable'])
    }

    private static Map credentialBinding(String kind, Map arguments, List<String> required) {
        for (String key : required) {
            if (!arguments[key]) {
                throw new HarnessError("${kind}(...) needs '${key}', as the credentials-binding plugin does; it was called with ${arguments}.")
            }
        }
        return [binding: kind] + arguments
    }

    def withCredentials(List arguments) {
        Map<String, String> variables = [:]
        List<String> described = []
        for (Object binding : (List) arguments[0]) {
            if (!(binding instanceof Map) || !((Map) binding).binding) {
                throw new HarnessError("withCredentials takes bindings made by usernamePassword(...) or string(...), but got ${binding}.")
            }
            Map b = (Map) binding
            List<String> names = b.binding == 'usernamePassword' ? [b.usernameVariable, b.passwordVariable] : [b.variable]
            for (String variable : names) {
                variables[variable] = secretValue("credential ${b.credentialsId} ${variable}")
            }
            described << "${b.binding}(${b.credentialsId} -> ${names.join(', ')})".toString()
        }
        harness.record('withCredentials', described)
        return harness.inBlock("withCredentials${variables.keySet()}".toString()) {
            harness.withOverlay(variables, (Closure) arguments[1])
        }
    }

    def withVault(List arguments) {
        Map options = (Map) arguments[0]
        Map configuration = (Map) options.configuration
        if (!configuration?.vaultUrl || !configuration?.vaultCredentialId) {
            throw new HarnessError("withVault needs configuration.vaultUrl and configuration.vaultCredentialId, but got ${configuration}.")
        }
        Map<String, String> variables = [:]
        for (Object path : (List) options.vaultSecrets) {
            for (Object value : (List) ((Map) path).secretValues) {
                Map v = (Map) value
                if (!v.envVar || !v.vaultKey) {
                    throw new HarnessError("withVault secretValues entries need envVar and vaultKey, but got ${v}.")
                }
                variables[v.envVar.toString()] = secretValue("vault ${((Map) path).path} ${v.vaultKey}")
            }
        }
        harness.record('withVault', options)
        return harness.inBlock("withVault${variables.keySet()}".toString()) {
            harness.withOverlay(variables, (Closure) arguments[1])
        }
    }

    /** Recognisable fake secret values: tests search every recorded script for them. */
    private String secretValue(String source) {
        String value = "SECRET-VALUE(${source})".toString()
        harness.secretValues << value
        return value
    }

    def lock(List arguments) {
        Object resource = arguments[0] instanceof Map ? ((Map) arguments[0]).resource : arguments[0]
        harness.record('lock', arguments[0])
        return harness.inBlock("lock:${resource}".toString(), (Closure) arguments[1])
    }

    def milestone(List arguments) {
        harness.record('milestone', arguments.isEmpty() ? [:] : arguments[0])
    }

    def timeout(List arguments) {
        if (!(arguments[1] instanceof Closure)) {
            throw new HarnessError("timeout(...) as a step needs a body; it was called with ${arguments}.")
        }
        harness.record('timeout', arguments[0])
        return harness.inBlock('timeout', (Closure) arguments[1])
    }

    def input(List arguments) {
        Map question = arguments[0] instanceof Map ? (Map) arguments[0] : [message: arguments[0]]
        harness.record('input', question)
        if (harness.approval == null) {
            throw new HarnessError("The library asked for approval (input ${question}) but the test did not decide it: call approvedBy, rejectedBy or approvalTimesOut.")
        }
        return harness.approval.call(question)
    }

    /** What pipeline-input-step returns: nothing, the only value bare, or a map of all values. */
    static Object answerLikeJenkins(Map question, String user) {
        Map<String, Object> values = [:]
        for (Object parameter : (question.parameters ?: [])) {
            values[((Map) parameter).name.toString()] = ((Map) parameter).defaultValue
        }
        if (question.submitterParameter) {
            values[question.submitterParameter.toString()] = user
        }
        return values.isEmpty() ? null : (values.size() == 1 ? values.values().first() : values)
    }

    def stage(List arguments) {
        harness.record('stage', [name: arguments[0].toString()])
        return harness.inBlock("stage:${arguments[0]}".toString(), (Closure) arguments[1])
    }

    def script(List arguments) {
        return harness.inBlock('script', (Closure) arguments[0])
    }

    def junit(List arguments) {
        harness.record('junit', arguments[0])
    }

    def recordCoverage(List arguments) {
        harness.record('recordCoverage', arguments[0])
    }

    def archiveArtifacts(List arguments) {
        harness.record('archiveArtifacts', arguments[0])
    }

    def libraryResource(List arguments) {
        File resource = new File(new File(PipelineHarness.LIBRARY, 'resources'), arguments[0].toString())
        harness.record('libraryResource', arguments[0].toString())
        if (!resource.isFile()) {
            throw new StepFailure("No such library resource ${arguments[0]} could be found (looked for ${resource}).")
        }
        return resource.text
    }
}
