package org.idp.harness

/** The sections of a pipeline { } block, collected before anything runs. */
class PipelineSpec extends DirectiveSpec {
    private final PipelineHarness harness
    Map agent
    final OptionsSpec options = new OptionsSpec()
    final StagesSpec stages = new StagesSpec()
    PostSpec post = new PostSpec()

    PipelineSpec(PipelineHarness harness) { this.harness = harness }

    String section() { 'pipeline' }

    void agent(Closure body) {
        AgentSpec spec = new AgentSpec(harness)
        Directives.collect(body, spec)
        agent = spec.definition
    }

    void options(Closure body) {
        Directives.collect(body, options)
    }

    void stages(Closure body) {
        Directives.collect(body, stages)
    }

    void post(Closure body) {
        Directives.collect(body, post)
    }
}
