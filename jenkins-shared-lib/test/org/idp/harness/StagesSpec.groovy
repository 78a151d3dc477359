package org.idp.harness

/** stages { }: the top-level stages in order. */
class StagesSpec extends DirectiveSpec {
    final List<StageSpec> stages = []

    String section() { 'stages' }

    void stage(String name, Closure body) {
        StageSpec stage = new StageSpec(name)
        Directives.collect(body, stage)
        if (stage.steps == null) {
            throw new HarnessError("stage('${name}') has no steps { } block; Declarative Pipeline rejects that.")
        }
        stages << stage
    }
}
