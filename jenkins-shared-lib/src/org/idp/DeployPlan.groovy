package org.idp

/** Which environments a build of one branch deploys to (the 'branches' setting), in the order of 'environments'. */
class DeployPlan implements Serializable {
    final String branch
    final String matchedPattern
    final String reason
    final List<Deployment> deployments

    private DeployPlan(String branch, String matchedPattern, String reason, List<Deployment> deployments) {
        this.branch = branch
        this.matchedPattern = matchedPattern
        this.reason = reason
        this.deployments = deployments
    }

    /** branch is env.BRANCH_NAME and changeId env.CHANGE_ID (set on pull/merge request builds) of a multibranch job. */
    static DeployPlan forBranch(PipelineSettings settings, String branch, String changeId) {
        if (changeId) {
            return new DeployPlan(branch, null, "change request ${changeId} builds never deploy", [])
        }
        if (!branch) {
            return new DeployPlan(branch, null, 'BRANCH_NAME is not set (not a multibranch job), so nothing is deployed', [])
        }
        for (Map.Entry<String, List<String>> rule : settings.branches.entrySet()) {
            if (BranchPattern.matches(rule.key, branch)) {
                return new DeployPlan(branch, rule.key, "branch '${branch}' matches '${rule.key}' in 'branches'".toString(), deploymentsTo(settings, rule.value))
            }
        }
        return new DeployPlan(branch, null, "branch '${branch}' matches no pattern in 'branches' (${settings.branches.keySet().join(', ')})".toString(), [])
    }

    private static List<Deployment> deploymentsTo(PipelineSettings settings, List<String> targets) {
        List<Deployment> deployments = []
        int milestone = 0
        for (String environment : settings.environments) {
            if (targets.contains(environment)) {
                boolean production = environment == settings.productionEnvironment
                Integer approvalMilestone = production ? Integer.valueOf(++milestone) : null
                String lock = "idp-deploy-${settings.service}-${environment}".toString()
                deployments << new Deployment(environment, production, lock, approvalMilestone, ++milestone)
            }
        }
        return deployments
    }

    boolean getDeploys() {
        return !deployments.isEmpty()
    }

    String describe() {
        if (deployments.isEmpty()) {
            return "${reason}: no deployment.".toString()
        }
        List<String> names = []
        for (Deployment deployment : deployments) {
            names << (deployment.needsApproval ? "${deployment.environment} (after approval)".toString() : deployment.environment)
        }
        return "${reason}: deploying to ${names.join(', then ')}.".toString()
    }
}
