package org.idp.steps

import org.idp.harness.BuildRun
import org.idp.harness.Expect
import org.idp.harness.PipelineHarness
import org.idp.harness.RecordedCall
import org.junit.Test

/** What the post blocks do: always publish results, and emit the DORA failure event when the build failed. */
class IdpPipelineFailureTests {
    static final Map SERVICE = [service: 'payments-api']

    @Test
    void 'failing tests skip the later stages, publish the results and emit the DORA failure event'() {
        BuildRun run = new PipelineHarness().onBranch('main').failingShell(/build\.sh Test/).run('idpPipeline', SERVICE)

        Expect.result(run, 'FAILURE')
        Expect.shellScripts(run, ['./build.sh Test SonarGate', './build.sh EmitDora'])
        Expect.equal('skipped stages', ['Image', 'Deploy'], run.callsOf('skippedStage').collect { it.argument('name') })
        RecordedCall junit = Expect.onlyCall(run, 'junit')
        Expect.inside(run, junit, 'post:always')
        Expect.ranBefore(run, junit, Expect.shellCall(run, './build.sh EmitDora'))
        Expect.failureMentions(run, ['script returned exit code 1', './build.sh Test SonarGate'])
    }

    @Test
    void 'failing production deploy emits the DORA failure event with the DORA token bound'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').failingShell(/Deploy --environment prod/).run('idpPipeline', SERVICE)

        Expect.result(run, 'FAILURE')
        RecordedCall emit = Expect.shellCall(run, './build.sh EmitDora')
        Expect.inside(run, emit, 'post:failure')
        Expect.environmentHas(run, emit, ['DORA_TOKEN'])
        Expect.ranBefore(run, Expect.shellCall(run, './build.sh Deploy --environment prod'), emit)
    }

    @Test
    void 'successful build publishes results and emits no failure event'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').run('idpPipeline', SERVICE)

        Expect.result(run, 'SUCCESS')
        Expect.equal('EmitDora calls', null, run.shellCall('./build.sh EmitDora'))
        Expect.equal('junit arguments', [testResults: 'artifacts/test-results/*.xml', allowEmptyResults: true], Expect.onlyCall(run, 'junit').arguments)
        Expect.equal('recordCoverage arguments', [tools: [[parser: 'COBERTURA', pattern: 'artifacts/coverage/*.cobertura.xml']]], Expect.onlyCall(run, 'recordCoverage').arguments)
        Expect.equal('archiveArtifacts arguments', [artifacts: 'artifacts/**', allowEmptyArchive: true], Expect.onlyCall(run, 'archiveArtifacts').arguments)
        Expect.inside(run, Expect.onlyCall(run, 'recordCoverage'), 'post:always')
    }

    @Test
    void 'failing image build never reaches a deploy lock'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').failingShell(/DockerBuild/).run('idpPipeline', SERVICE)

        Expect.result(run, 'FAILURE')
        Expect.notCalled(run, 'lock', 'no environment is deployed after a failed image build')
        Expect.notCalled(run, 'input', 'no approval is asked for an image that was not pushed')
    }
}
