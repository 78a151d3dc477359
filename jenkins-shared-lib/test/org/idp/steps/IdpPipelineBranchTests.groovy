package org.idp.steps

import org.idp.harness.BuildRun
import org.idp.harness.Expect
import org.idp.harness.PipelineHarness
import org.junit.Test

/** Which ./build.sh targets idpPipeline runs, in which order, for each kind of branch. */
class IdpPipelineBranchTests {
    static final Map SERVICE = [service: 'payments-api']

    @Test
    void 'main branch tests, builds the image, then deploys to dev, test and prod in that order'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').run('idpPipeline', SERVICE)

        Expect.result(run, 'SUCCESS')
        Expect.stagesRun(run, ['Checkout', 'Test', 'Image', 'Deploy', 'Deploy dev', 'Deploy test', 'Deploy prod'])
        Expect.shellScripts(run, [
            './build.sh Test SonarGate',
            './build.sh DockerBuild Push',
            './build.sh Deploy --environment dev',
            './build.sh Deploy --environment test',
            './build.sh Deploy --environment prod',
        ])
    }

    @Test
    void 'feature branch tests and builds the image but deploys nowhere'() {
        BuildRun run = new PipelineHarness().onBranch('feature/faster-refunds').run('idpPipeline', SERVICE)

        Expect.result(run, 'SUCCESS')
        Expect.shellScripts(run, ['./build.sh Test SonarGate', './build.sh DockerBuild Push'])
        Expect.notCalled(run, 'input', 'a feature branch never reaches production')
        Expect.notCalled(run, 'lock', 'nothing is deployed')
        Expect.equal('the skipped Deploy stage', [name: 'Deploy', reason: 'its when condition is false'], Expect.onlyCall(run, 'skippedStage').arguments)
    }

    @Test
    void 'change request build never deploys even when it targets main'() {
        BuildRun run = new PipelineHarness().forChangeRequest('42', 'main').run('idpPipeline', SERVICE)

        Expect.result(run, 'SUCCESS')
        Expect.shellScripts(run, ['./build.sh Test SonarGate', './build.sh DockerBuild Push'])
    }

    @Test
    void 'release branch mapped to production deploys only to prod after approval'() {
        Map config = SERVICE + [branches: ['main': ['dev', 'test'], 'release/*': ['prod']]]
        BuildRun run = new PipelineHarness().onBranch('release/2.4').approvedBy('alice').run('idpPipeline', config)

        Expect.result(run, 'SUCCESS')
        Expect.shellScripts(run, ['./build.sh Test SonarGate', './build.sh DockerBuild Push', './build.sh Deploy --environment prod'])
        Expect.onlyCall(run, 'input')
    }

    @Test
    void 'main branch mapped to non-production environments deploys without asking for approval'() {
        Map config = SERVICE + [branches: ['main': ['dev', 'test'], 'release/*': ['prod']]]
        BuildRun run = new PipelineHarness().onBranch('main').run('idpPipeline', config)

        Expect.result(run, 'SUCCESS')
        Expect.shellScripts(run, ['./build.sh Test SonarGate', './build.sh DockerBuild Push',
                                  './build.sh Deploy --environment dev', './build.sh Deploy --environment test'])
        Expect.notCalled(run, 'input', 'only the production environment needs approval')
    }

    @Test
    void 'checkout runs first and the declarative default checkout is switched off'() {
        BuildRun run = new PipelineHarness().onBranch('feature/x').run('idpPipeline', SERVICE)

        Expect.inside(run, Expect.onlyCall(run, 'checkout'), 'stage:Checkout')
        Expect.ranBefore(run, Expect.onlyCall(run, 'checkout'), run.callsOf('sh').first())
    }

    @Test
    void 'build runs on the OpenShift pod template from the library resources'() {
        BuildRun run = new PipelineHarness().onBranch('feature/x').run('idpPipeline', SERVICE)

        Map kubernetes = (Map) Expect.onlyCall(run, 'agent').argument('kubernetes')
        Expect.equal('the default container', 'dotnet', kubernetes.defaultContainer)
        Expect.contains('the pod template YAML', kubernetes.yaml.toString(), ['kind: Pod', '- name: dotnet', 'runAsNonRoot: true'])
        Expect.equal('the resource read', 'org/idp/pod-dotnet.yaml', Expect.onlyCall(run, 'libraryResource').arguments)
    }

    @Test
    void 'service in a subdirectory runs every build call in that directory'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').run('idpPipeline', SERVICE + [directory: 'services/payments'])

        for (def call : run.callsOf('sh')) {
            Expect.inside(run, call, 'dir:services/payments')
        }
    }
}
