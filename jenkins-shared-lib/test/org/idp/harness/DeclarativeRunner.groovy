package org.idp.harness

/**
 * Runs a pipeline { } block the way Declarative Pipeline does: stages in order, later stages skipped after a
 * failure, a stage skipped when its when { } is false, then the post conditions that match the result.
 */
class DeclarativeRunner {
    private final PipelineHarness harness

    DeclarativeRunner(PipelineHarness harness) {
        this.harness = harness
    }

    Object run(Closure body) {
        PipelineSpec pipeline = new PipelineSpec(harness)
        Directives.collect(body, pipeline)
        harness.inBlock('pipeline') {
            harness.record('agent', pipeline.agent)
            harness.record('options', pipeline.options.options)
            if (!pipeline.options.skipDefaultCheckout) {
                harness.record('checkout', 'implicit checkout scm of the declarative agent')
            }
            for (StageSpec stage : pipeline.stages.stages) {
                runStage(stage)
            }
            runPost(pipeline.post)
        }
        return null
    }

    private void runStage(StageSpec stage) {
        if (harness.currentBuild.result != null) {
            harness.record('skippedStage', [name: stage.name, reason: 'an earlier stage failed'])
            return
        }
        if (stage.when != null && !stage.when.holds()) {
            harness.record('skippedStage', [name: stage.name, reason: 'its when condition is false'])
            return
        }
        harness.record('stage', [name: stage.name])
        harness.inBlock("stage:${stage.name}".toString()) {
            runGuarded { Directives.runSteps(stage.steps) }
        }
    }

    private void runPost(PostSpec post) {
        for (String condition : PostSpec.ORDER) {
            Closure body = post.conditions[condition]
            if (body != null && PostSpec.applies(condition, harness.currentBuild.currentResult)) {
                harness.inBlock("post:${condition}".toString()) {
                    runGuarded { Directives.runSteps(body) }
                }
            }
        }
    }

    /** A failing step fails the build but not the harness; harness and assertion errors end the test. */
    private void runGuarded(Closure body) {
        try {
            body.call()
        } catch (BuildInterrupted e) {
            fail('ABORTED', e)
        } catch (Exception e) {
            fail('FAILURE', e)
        }
    }

    private void fail(String result, Exception e) {
        harness.record('failed', "${result}: ${e.message}".toString())
        harness.currentBuild.worsen(result)
        if (harness.firstFailure == null) {
            harness.firstFailure = e.message
        }
    }
}
