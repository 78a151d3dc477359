package org.idp.harness

/** One declarative stage: its steps and its optional when condition. */
class StageSpec extends DirectiveSpec {
    final String name
    Closure steps
    WhenSpec when

    StageSpec(String name) { this.name = name }

    String section() { "stage('${name}')" }

    void steps(Closure body) { steps = body }

    void when(Closure body) {
        when = new WhenSpec()
        Directives.collect(body, when)
    }
}
