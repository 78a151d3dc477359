package org.idp.harness

/**
 * Assertions on a recorded build. Every failure says what was expected, what was recorded, and prints the whole
 * recorded step sequence, so the test output alone explains the failure.
 */
class Expect {
    static void result(BuildRun run, String expected) {
        if (run.result != expected) {
            fail("Expected the build result ${expected}, but it was ${run.result}.", run)
        }
    }

    static void shellScripts(BuildRun run, List<String> expected) {
        List<String> recorded = run.shellScripts()
        if (recorded != expected) {
            fail("Expected these sh scripts, in this order:\n${lines(expected)}\nRecorded sh scripts:\n${lines(recorded)}", run)
        }
    }

    static void stagesRun(BuildRun run, List<String> expected) {
        if (run.stagesRun() != expected) {
            fail("Expected these stages to run, in this order:\n${lines(expected)}\nRecorded stages:\n${lines(run.stagesRun())}", run)
        }
    }

    static void notCalled(BuildRun run, String step, String because) {
        List<RecordedCall> calls = run.callsOf(step)
        if (!calls.isEmpty()) {
            fail("Expected no '${step}' call (${because}), but recorded:\n${lines(calls*.describe())}", run)
        }
    }

    static RecordedCall onlyCall(BuildRun run, String step) {
        List<RecordedCall> calls = run.callsOf(step)
        if (calls.size() != 1) {
            fail("Expected exactly one '${step}' call, but recorded ${calls.size()}:\n${lines(calls*.describe())}", run)
        }
        return calls[0]
    }

    static RecordedCall shellCall(BuildRun run, String script) {
        RecordedCall call = run.shellCall(script)
        if (call == null) {
            fail("Expected an sh call running '${script}', but recorded sh scripts:\n${lines(run.shellScripts())}", run)
        }
        return call
    }

    static void inside(BuildRun run, RecordedCall call, String blockPrefix) {
        if (!call.isInside(blockPrefix)) {
            fail("Expected call ${call.index} (${call.step}) to run inside a '${blockPrefix}' block, but it ran inside: ${call.enclosing.join(' > ') ?: 'nothing'}.", run)
        }
    }

    static void notInside(BuildRun run, RecordedCall call, String blockPrefix) {
        if (call.isInside(blockPrefix)) {
            fail("Expected call ${call.index} (${call.step}) to run outside any '${blockPrefix}' block, but it ran inside: ${call.enclosing.join(' > ')}.", run)
        }
    }

    static void ranBefore(BuildRun run, RecordedCall first, RecordedCall second) {
        if (first.index >= second.index) {
            fail("Expected call ${first.index} (${first.step}) to run before call ${second.index} (${second.step}).", run)
        }
    }

    static void environment(BuildRun run, RecordedCall call, String variable, String expected) {
        String recorded = call.environment[variable]
        if (recorded != expected) {
            fail("Expected call ${call.index} (${call.describe()}) to see ${variable}=${expected}, but it saw ${variable}=${recorded}.", run)
        }
    }

    static void environmentHas(BuildRun run, RecordedCall call, List<String> variables) {
        List<String> missing = variables.findAll { !call.environment.containsKey(it) }
        if (!missing.isEmpty()) {
            fail("Expected call ${call.index} (${call.describe()}) to see the variables ${variables}, but ${missing} were not set. It saw: ${call.environment.keySet()}.", run)
        }
    }

    static void environmentLacks(BuildRun run, RecordedCall call, List<String> variables) {
        List<String> present = variables.findAll { call.environment.containsKey(it) }
        if (!present.isEmpty()) {
            fail("Expected call ${call.index} (${call.describe()}) not to see ${present}: that target does not use them.", run)
        }
    }

    /** No secret value bound by withCredentials/withVault appears in any sh script or echo, and none was a GString. */
    static void noSecretInShellScriptsOrLog(BuildRun run) {
        if (run.secretValues.isEmpty()) {
            fail('Expected secrets to be bound during this build, but no withCredentials or withVault call bound any, so the check would prove nothing.', run)
        }
        List<String> leaks = []
        for (RecordedCall call : run.callsOf('sh') + run.callsOf('echo')) {
            String text = call.step == 'sh' ? call.argument('script').toString() : call.arguments.toString()
            for (String secret : run.secretValues) {
                if (text.contains(secret)) {
                    leaks << "call ${call.index} (${call.step}) contains ${secret}".toString()
                }
            }
            if (call.step == 'sh' && call.interpolated) {
                leaks << "call ${call.index} (sh) got a GString: scripts must be plain strings so no value is interpolated into them".toString()
            }
        }
        if (!leaks.isEmpty()) {
            fail("Expected no secret value in any sh script or log line, but:\n${lines(leaks)}", run)
        }
    }

    static void failureMentions(BuildRun run, List<String> fragments) {
        List<String> missing = fragments.findAll { run.failure == null || !run.failure.contains(it) }
        if (!missing.isEmpty()) {
            fail("Expected the build to fail with a message containing ${missing.collect { "'${it}'" }.join(', ')}, but the message was:\n${run.failure}", run)
        }
    }

    static void equal(String what, Object expected, Object recorded) {
        if (expected != recorded) {
            throw new AssertionError("${what}: expected ${expected.inspect()}, but got ${recorded.inspect()}." as Object)
        }
    }

    static void contains(String what, String text, List<String> fragments) {
        List<String> missing = fragments.findAll { text == null || !text.contains(it) }
        if (!missing.isEmpty()) {
            throw new AssertionError("${what}: expected it to contain ${missing.collect { "'${it}'" }.join(', ')}, but it was:\n${text}" as Object)
        }
    }

    static Throwable throwsWith(Class<? extends Throwable> type, Closure action) {
        try {
            action.call()
        } catch (Throwable e) {
            if (type.isInstance(e)) {
                return e
            }
            throw new AssertionError("Expected ${type.simpleName}, but ${e.getClass().simpleName} was thrown: ${e.message}" as Object)
        }
        throw new AssertionError("Expected ${type.simpleName} to be thrown, but the call succeeded." as Object)
    }

    private static String lines(List items) {
        return items.isEmpty() ? '  (none)' : items.collect { "  ${it}" }.join('\n')
    }

    private static void fail(String message, BuildRun run) {
        throw new AssertionError("${message}\n${run.transcript()}" as Object)
    }
}
