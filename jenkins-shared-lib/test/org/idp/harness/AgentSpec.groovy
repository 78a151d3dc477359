package org.idp.harness

/** agent { }: where the pipeline runs. */
class AgentSpec extends DirectiveSpec {
    private final PipelineHarness harness
    Map definition = [:]

    AgentSpec(PipelineHarness harness) { this.harness = harness }

    String section() { 'agent' }

    void kubernetes(Closure body) {
        KubernetesAgentSpec spec = new KubernetesAgentSpec(harness)
        Directives.collect(body, spec)
        definition = [kubernetes: spec.settings]
    }

    void label(String label) {
        definition = [label: label]
    }
}
