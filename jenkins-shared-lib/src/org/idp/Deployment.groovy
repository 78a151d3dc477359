package org.idp

/** One environment a build deploys to, in promotion order. */
class Deployment implements Serializable {
    final String environment
    final boolean needsApproval
    final String lockResource
    /** Ordinal of the milestone passed before the approval question, or null without approval. */
    final Integer approvalMilestone
    final int deployMilestone

    Deployment(String environment, boolean needsApproval, String lockResource, Integer approvalMilestone, int deployMilestone) {
        this.environment = environment
        this.needsApproval = needsApproval
        this.lockResource = lockResource
        this.approvalMilestone = approvalMilestone
        this.deployMilestone = deployMilestone
    }

    String approvalQuestion(String service) {
        return "Deploy ${service} to ${environment}?".toString()
    }

    /** Environment entries for withEnv: the approver becomes the build's actor (IDP_ACTOR). */
    List<String> environmentVariables(String actor) {
        return actor == null ? [] : ["IDP_ACTOR=${actor}".toString()]
    }
}
