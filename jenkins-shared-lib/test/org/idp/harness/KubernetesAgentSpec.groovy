package org.idp.harness

/** agent { kubernetes { } }: the pod the pipeline runs in. */
class KubernetesAgentSpec extends DirectiveSpec {
    private final PipelineHarness harness
    final Map<String, Object> settings = [:]

    KubernetesAgentSpec(PipelineHarness harness) { this.harness = harness }

    String section() { 'agent { kubernetes' }

    void yaml(String yaml) { settings.yaml = yaml }

    void defaultContainer(String name) { settings.defaultContainer = name }

    void inheritFrom(String name) { settings.inheritFrom = name }

    /** Steps that return a value may be used as directive arguments. */
    String libraryResource(String path) {
        return harness.invokeStep('libraryResource', [path] as Object[]).toString()
    }
}
