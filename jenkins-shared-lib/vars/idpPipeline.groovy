import org.idp.Approval
import org.idp.DeployPlan
import org.idp.Deployment
import org.idp.IdpConfigException
import org.idp.PipelineSettings

// The whole golden-path pipeline of a service (see idpPipeline.txt). Decisions live in org.idp classes; this
// file only wires Jenkins steps around ./build.sh.
def call(Map config = [:]) {
    PipelineSettings settings
    try {
        settings = PipelineSettings.from(config)
    } catch (IdpConfigException e) {
        error(e.message)
    }
    DeployPlan plan = DeployPlan.forBranch(settings, env.BRANCH_NAME, env.CHANGE_ID)

    pipeline {
        agent {
            kubernetes {
                yaml libraryResource(settings.podTemplate)
                defaultContainer settings.container
            }
        }
        options {
            skipDefaultCheckout()
            timeout(time: settings.timeoutMinutes, unit: 'MINUTES')
            buildDiscarder(logRotator(numToKeepStr: '50'))
        }
        stages {
            stage('Checkout') {
                steps {
                    checkout scm
                    script {
                        echo plan.describe()
                    }
                }
            }
            stage('Test') {
                steps {
                    script {
                        idpBuild('Test SonarGate', settings.buildOptions())
                    }
                }
            }
            stage('Image') {
                steps {
                    script {
                        idpBuild('DockerBuild Push', settings.buildOptions())
                    }
                }
            }
            stage('Deploy') {
                when {
                    expression { plan.deploys }
                }
                steps {
                    script {
                        for (Deployment deployment : plan.deployments) {
                            deployTo(deployment, settings)
                        }
                    }
                }
            }
        }
        post {
            always {
                junit(testResults: 'artifacts/test-results/*.xml', allowEmptyResults: true)
                recordCoverage(tools: [[parser: 'COBERTURA', pattern: 'artifacts/coverage/*.cobertura.xml']])
                archiveArtifacts(artifacts: 'artifacts/**', allowEmptyArchive: true)
            }
            failure {
                // The build emits DORA events itself; this covers runs where it never got that far.
                script {
                    idpBuild('EmitDora', settings.buildOptions())
                }
            }
        }
    }
}

def deployTo(Deployment deployment, PipelineSettings settings) {
    stage("Deploy ${deployment.environment}") {
        String actor = null
        if (deployment.needsApproval) {
            // Passing this milestone aborts older builds still waiting here, so only the newest build asks.
            milestone(ordinal: deployment.approvalMilestone, label: "approve ${deployment.environment}")
            def answer = timeout(time: settings.approvalTimeoutMinutes, unit: 'MINUTES') {
                input(message: deployment.approvalQuestion(settings.service), ok: 'Deploy',
                    submitter: settings.approvers, submitterParameter: Approval.SUBMITTER_PARAMETER)
            }
            actor = Approval.submitterOf(answer)
            echo "Deployment of ${settings.service} to ${deployment.environment} approved by ${actor}."
        }
        // inversePrecedence hands the lock to the newest waiting build; the milestone then aborts the older ones.
        lock(resource: deployment.lockResource, inversePrecedence: true) {
            milestone(ordinal: deployment.deployMilestone, label: "deploy ${deployment.environment}")
            withEnv(deployment.environmentVariables(actor)) {
                idpBuild('Deploy', settings.buildOptions([environment: deployment.environment]))
            }
        }
    }
}
