package org.idp

import org.idp.harness.Expect
import org.junit.Test

/** Branch to environment mapping. */
class DeployPlanTests {
    static PipelineSettings settings(Map branches) {
        return PipelineSettings.from([service: 'payments-api', branches: branches])
    }

    @Test
    void 'environments deploy in the order of the environments setting whatever order the branch lists them'() {
        DeployPlan plan = DeployPlan.forBranch(settings([main: ['prod', 'dev']]), 'main', null)

        Expect.equal('environments', ['dev', 'prod'], plan.deployments*.environment)
        Expect.equal('approval needed', [false, true], plan.deployments*.needsApproval)
    }

    @Test
    void 'first matching pattern wins'() {
        PipelineSettings s = settings(['release/hotfix-*': ['test'], 'release/*': ['prod'], '*': ['dev']])

        Expect.equal('release/hotfix-1', ['test'], DeployPlan.forBranch(s, 'release/hotfix-1', null).deployments*.environment)
        Expect.equal('release/3.0', ['prod'], DeployPlan.forBranch(s, 'release/3.0', null).deployments*.environment)
        Expect.equal('feature/a', ['dev'], DeployPlan.forBranch(s, 'feature/a', null).deployments*.environment)
    }

    @Test
    void 'pattern characters other than star match literally'() {
        Expect.equal('release.1 against release.*', true, BranchPattern.matches('release.*', 'release.1'))
        Expect.equal('releaseX1 against release.*', false, BranchPattern.matches('release.*', 'releaseX1'))
        Expect.equal('main-old against main', false, BranchPattern.matches('main', 'main-old'))
    }

    @Test
    void 'missing branch name deploys nothing and says why'() {
        DeployPlan plan = DeployPlan.forBranch(settings([main: ['dev']]), null, null)

        Expect.equal('deploys', false, plan.deploys)
        Expect.contains('description', plan.describe(), ['BRANCH_NAME is not set (not a multibranch job)'])
    }

    @Test
    void 'unmatched branch says which patterns exist'() {
        DeployPlan plan = DeployPlan.forBranch(settings([main: ['dev'], 'release/*': ['prod']]), 'feature/x', null)

        Expect.equal('description', "branch 'feature/x' matches no pattern in 'branches' (main, release/*): no deployment.", plan.describe())
    }

    @Test
    void 'approval answer is read whether input returns the submitter alone or in a map'() {
        Expect.equal('bare answer', 'alice', Approval.submitterOf('alice'))
        Expect.equal('map answer', 'bob', Approval.submitterOf([IDP_APPROVER: 'bob', reason: 'hotfix']))
        Expect.throwsWith(IllegalStateException) { Approval.submitterOf(null) }
    }
}
