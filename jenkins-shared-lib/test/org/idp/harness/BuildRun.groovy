package org.idp.harness

/** What one run of a step recorded: the build result, why it ended, and every step call in order. */
class BuildRun {
    final String result
    final String failure
    final List<RecordedCall> calls
    final Set<String> secretValues

    BuildRun(String result, String failure, List<RecordedCall> calls, Set<String> secretValues) {
        this.result = result
        this.failure = failure
        this.calls = calls
        this.secretValues = secretValues
    }

    List<RecordedCall> callsOf(String step) {
        return calls.findAll { it.step == step }
    }

    List<String> shellScripts() {
        return callsOf('sh').collect { it.argument('script').toString() }
    }

    RecordedCall shellCall(String script) {
        return callsOf('sh').find { it.argument('script').toString() == script }
    }

    List<String> stagesRun() {
        return callsOf('stage').collect { it.argument('name').toString() }
    }

    String transcript() {
        StringBuilder text = new StringBuilder("Build result: ${result}${failure ? ' (' + failure + ')' : ''}\nRecorded steps:")
        for (RecordedCall call : calls) {
            text.append('\n  ').append(call.describe())
        }
        return text.toString()
    }
}
