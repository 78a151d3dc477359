package org.idp.harness

/** The currentBuild global: result stays null while the build is successful, as in Jenkins. */
class BuildStatus {
    String result

    String getCurrentResult() {
        return result ?: 'SUCCESS'
    }

    /** Results only get worse during a build, never better. */
    void worsen(String newResult) {
        List<String> order = ['SUCCESS', 'UNSTABLE', 'FAILURE', 'NOT_BUILT', 'ABORTED']
        if (order.indexOf(newResult) > order.indexOf(getCurrentResult())) {
            result = newResult
        }
    }
}
