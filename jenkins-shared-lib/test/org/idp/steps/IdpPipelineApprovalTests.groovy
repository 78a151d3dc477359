package org.idp.steps

import org.idp.harness.BuildRun
import org.idp.harness.Expect
import org.idp.harness.PipelineHarness
import org.idp.harness.RecordedCall
import org.junit.Test

/** Production needs a person's approval; that person becomes the deploy's actor; deploys are serialised. */
class IdpPipelineApprovalTests {
    static final Map SERVICE = [service: 'payments-api']

    @Test
    void 'production deploy asks the approvers inside a timeout and records the submitter'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').run('idpPipeline', SERVICE + [approvers: 'payments-leads', approvalTimeoutMinutes: 90])

        RecordedCall input = Expect.onlyCall(run, 'input')
        Expect.equal('input message', 'Deploy payments-api to prod?', input.argument('message'))
        Expect.equal('input submitter', 'payments-leads', input.argument('submitter'))
        Expect.equal('input submitterParameter', 'IDP_APPROVER', input.argument('submitterParameter'))
        Expect.inside(run, input, 'timeout')
        Expect.inside(run, input, 'stage:Deploy prod')
        Expect.equal('approval timeout', [time: 90, unit: 'MINUTES'], Expect.onlyCall(run, 'timeout').arguments)
        Expect.notInside(run, input, 'lock:')
    }

    @Test
    void 'approver reaches the production deploy as IDP_ACTOR through withEnv and never through the script'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').run('idpPipeline', SERVICE)

        RecordedCall prod = Expect.shellCall(run, './build.sh Deploy --environment prod')
        Expect.environment(run, prod, 'IDP_ACTOR', 'alice')
        Expect.inside(run, prod, 'withEnv[IDP_ACTOR]')
        Expect.environment(run, Expect.shellCall(run, './build.sh Deploy --environment dev'), 'IDP_ACTOR', null)
        Expect.ranBefore(run, Expect.onlyCall(run, 'input'), prod)
    }

    @Test
    void 'approver name with shell characters changes no script'() {
        String hostile = 'alice$(touch /tmp/pwned);"'
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy(hostile).run('idpPipeline', SERVICE)

        Expect.result(run, 'SUCCESS')
        Expect.environment(run, Expect.shellCall(run, './build.sh Deploy --environment prod'), 'IDP_ACTOR', hostile)
    }

    @Test
    void 'rejected approval aborts the build without deploying to production or emitting a failure event'() {
        BuildRun run = new PipelineHarness().onBranch('main').rejectedBy('bob').run('idpPipeline', SERVICE)

        Expect.result(run, 'ABORTED')
        Expect.shellScripts(run, ['./build.sh Test SonarGate', './build.sh DockerBuild Push',
                                  './build.sh Deploy --environment dev', './build.sh Deploy --environment test'])
        Expect.failureMentions(run, ['Rejected by bob'])
    }

    @Test
    void 'approval timing out aborts the build without deploying to production'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvalTimesOut().run('idpPipeline', SERVICE)

        Expect.result(run, 'ABORTED')
        Expect.equal('production deploy calls', null, run.shellCall('./build.sh Deploy --environment prod'))
        Expect.onlyCall(run, 'junit')
    }

    @Test
    void 'each environment is deployed under its own lock named for the service'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').run('idpPipeline', SERVICE)

        Expect.equal('lock resources', ['idp-deploy-payments-api-dev', 'idp-deploy-payments-api-test', 'idp-deploy-payments-api-prod'],
            run.callsOf('lock').collect { it.argument('resource') })
        for (String environment : ['dev', 'test', 'prod']) {
            Expect.inside(run, Expect.shellCall(run, "./build.sh Deploy --environment ${environment}".toString()), "lock:idp-deploy-payments-api-${environment}".toString())
        }
    }

    @Test
    void 'milestones rise in order with one before the approval and one inside each lock'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').run('idpPipeline', SERVICE)

        List<RecordedCall> milestones = run.callsOf('milestone')
        Expect.equal('milestone ordinals', [1, 2, 3, 4], milestones.collect { it.argument('ordinal') })
        Expect.equal('milestone labels', ['deploy dev', 'deploy test', 'approve prod', 'deploy prod'], milestones.collect { it.argument('label') })
        Expect.ranBefore(run, milestones[2], Expect.onlyCall(run, 'input'))
        Expect.inside(run, milestones[3], 'lock:idp-deploy-payments-api-prod')
    }
}
