package org.idp.steps

import org.idp.harness.BuildRun
import org.idp.harness.Expect
import org.idp.harness.PipelineHarness
import org.idp.harness.RecordedCall
import org.junit.Test

/** idpBuild on its own, as a team's custom Jenkinsfile would call it. */
class IdpBuildStepTests {
    @Test
    void 'target without secrets runs the build script with no credentials bound'() {
        BuildRun run = new PipelineHarness().run('idpBuild', 'Compile')

        Expect.result(run, 'SUCCESS')
        Expect.shellScripts(run, ['./build.sh Compile'])
        Expect.equal('credential bindings', [[]], run.callsOf('withCredentials')*.arguments)
        Expect.notCalled(run, 'withVault', 'no target here reads a token')
    }

    @Test
    void 'deploy passes the environment on the command line and binds the Vault AppRole and DORA token'() {
        BuildRun run = new PipelineHarness().run('idpBuild', 'Deploy', [parameters: [environment: 'test']])

        RecordedCall deploy = Expect.shellCall(run, './build.sh Deploy --environment test')
        Expect.environmentHas(run, deploy, ['VAULT_ROLE_ID', 'VAULT_SECRET_ID', 'DORA_TOKEN'])
        Expect.equal('sh label', './build.sh Deploy --environment test', deploy.argument('label'))
        Expect.noSecretInShellScriptsOrLog(run)
    }

    @Test
    void 'lowercase target name is rejected with how targets are written'() {
        BuildRun run = new PipelineHarness().run('idpBuild', 'deploy')

        Expect.result(run, 'FAILURE')
        Expect.failureMentions(run, ["'deploy' is not a target name", 'PascalCase'])
        Expect.notCalled(run, 'sh', 'an invalid call must not reach the shell')
    }

    @Test
    void 'parameter value the shell could interpret is rejected and withEnv is suggested'() {
        BuildRun run = new PipelineHarness().run('idpBuild', 'Deploy', [parameters: [environment: 'dev; curl evil.example']])

        Expect.failureMentions(run, ["parameter 'environment' has a value with characters the shell could interpret", 'set it with withEnv'])
        Expect.notCalled(run, 'sh', 'an invalid call must not reach the shell')
    }

    @Test
    void 'unknown option is rejected with the valid options'() {
        BuildRun run = new PipelineHarness().run('idpBuild', 'Test', [params: [configuration: 'Release']])

        Expect.failureMentions(run, ["unknown setting 'params' (did you mean 'parameters'?)", 'Valid settings: parameters, directory, credentials, vault.'])
    }
}
