package org.idp.harness

/** Stands for Jenkins' FlowInterruptedException (input rejected, timeout exceeded): the build becomes ABORTED. */
class BuildInterrupted extends RuntimeException {
    BuildInterrupted(String message) {
        super(message)
    }
}
