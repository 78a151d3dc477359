package org.idp.harness

/** The env global: reads see withEnv/withCredentials overlays; unset variables read as null, as in Jenkins. */
class EnvironmentView extends GroovyObjectSupport {
    private final PipelineHarness harness

    EnvironmentView(PipelineHarness harness) {
        this.harness = harness
    }

    Object getProperty(String name) {
        return harness.currentEnvironment()[name]
    }

    void setProperty(String name, Object value) {
        harness.environment[name] = value == null ? null : value.toString()
    }
}
