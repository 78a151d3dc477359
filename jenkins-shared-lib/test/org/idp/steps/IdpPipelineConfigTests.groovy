package org.idp.steps

import org.idp.harness.BuildRun
import org.idp.harness.Expect
import org.idp.harness.PipelineHarness
import org.junit.Test

/** idpPipeline rejects settings it cannot use before anything runs, naming the setting and what is valid. */
class IdpPipelineConfigTests {
    @Test
    void 'misspelt setting is rejected with a suggestion and the list of valid settings before any stage runs'() {
        BuildRun run = new PipelineHarness().onBranch('main').run('idpPipeline', [service: 'payments-api', enviroments: ['dev']])

        Expect.result(run, 'FAILURE')
        Expect.failureMentions(run, ["unknown setting 'enviroments' (did you mean 'environments'?)", 'Valid settings: service, environments,'])
        Expect.notCalled(run, 'agent', 'a rejected configuration must not start the pipeline')
        Expect.notCalled(run, 'sh', 'a rejected configuration must not run the build')
    }

    @Test
    void 'missing service is rejected with what a service name looks like'() {
        BuildRun run = new PipelineHarness().onBranch('main').run('idpPipeline', [:])

        Expect.result(run, 'FAILURE')
        Expect.failureMentions(run, ["'service' is required", "such as 'payments-api'"])
    }

    @Test
    void 'every problem is reported in one message'() {
        BuildRun run = new PipelineHarness().onBranch('main').run('idpPipeline',
            [service: 'Payments_API', environments: ['dev', 'prod'], branches: ['main': ['staging']], approvalTimeoutMinutes: 0, agent: 'linux'])

        Expect.failureMentions(run, [
            'the settings have 4 problems',
            "unknown setting 'agent'",
            "'service' must be the service name from idp.yaml, a lowercase DNS label such as 'payments-api', but was the text 'Payments_API'",
            "'branches.main' names the environment 'staging', which is not in 'environments' (dev, prod)",
            "'approvalTimeoutMinutes' must be a whole number from 1 to 10080",
        ])
    }

    @Test
    void 'unknown credential name is rejected with the valid names'() {
        BuildRun run = new PipelineHarness().onBranch('main').run('idpPipeline', [service: 'payments-api', credentials: [nexus: 'team-nexus']])

        Expect.failureMentions(run, ["unknown setting 'credentials.nexus'", 'Valid settings in credentials: registry, sonar, vaultAppRole, dora, gitlab.'])
    }

    @Test
    void 'a token given both as a Jenkins credential and through Vault is rejected'() {
        Map config = [service: 'payments-api', credentials: [sonar: 'team-sonar'],
                      vault: [url: 'https://vault.example.internal', credentialsId: 'vault-approle-ci', path: 'kv/ci/payments-api']]
        BuildRun run = new PipelineHarness().onBranch('main').run('idpPipeline', config)

        Expect.failureMentions(run, ["'credentials.sonar' cannot be used together with 'vault'", "Remove 'credentials.sonar' or remove 'vault'"])
    }

    @Test
    void 'production environment outside the environment list is rejected'() {
        BuildRun run = new PipelineHarness().onBranch('main').run('idpPipeline', [service: 'payments-api', environments: ['dev', 'live'], productionEnvironment: 'prod'])

        Expect.failureMentions(run, ["'productionEnvironment' is 'prod', which is not in 'environments' (dev, live)"])
    }
}
