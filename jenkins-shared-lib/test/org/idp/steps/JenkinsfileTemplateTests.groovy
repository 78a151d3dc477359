package org.idp.steps

import org.idp.harness.BuildRun
import org.idp.harness.Expect
import org.idp.harness.PipelineHarness
import org.junit.Test

/** pipeline-templates/jenkins/Jenkinsfile: the whole Jenkinsfile a service needs, run through the harness. */
class JenkinsfileTemplateTests {
    static final File TEMPLATE = new File(PipelineHarness.LIBRARY, '../pipeline-templates/jenkins/Jenkinsfile').canonicalFile

    @Test
    void 'template is two lines pinning a library version and calling idpPipeline'() {
        List<String> lines = TEMPLATE.readLines().findAll { it.trim() }
        Expect.equal("non-empty lines of ${TEMPLATE}", 2, lines.size())
        Expect.equal('first line matches @Library(\'idp@<version>\') _', true, lines[0] ==~ /@Library\('idp@v\d+\.\d+\.\d+'\) _/)
        Expect.equal('second line calls idpPipeline with a service', true, lines[1] ==~ /idpPipeline\(service: '[a-z][a-z0-9-]*'\)/)
    }

    @Test
    void 'template runs the golden path on main'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').runJenkinsfile(TEMPLATE)

        Expect.result(run, 'SUCCESS')
        Expect.shellScripts(run, ['./build.sh Test SonarGate', './build.sh DockerBuild Push', './build.sh Deploy --environment dev',
                                  './build.sh Deploy --environment test', './build.sh Deploy --environment prod'])
    }
}
