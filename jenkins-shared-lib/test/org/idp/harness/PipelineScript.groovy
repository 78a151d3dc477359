package org.idp.harness

/** Base class of the loaded vars/ scripts: every call that is not a method of the script goes to the harness. */
abstract class PipelineScript extends Script {
    Object methodMissing(String name, Object args) {
        PipelineHarness harness = (PipelineHarness) getBinding().getVariable(PipelineHarness.BINDING_NAME)
        return harness.invokeStep(name, args as Object[])
    }
}
