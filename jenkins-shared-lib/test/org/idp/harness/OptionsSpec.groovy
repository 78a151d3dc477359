package org.idp.harness

/** options { }: recorded as given; skipDefaultCheckout turns off the implicit checkout. */
class OptionsSpec extends DirectiveSpec {
    final List<Map> options = []
    boolean skipDefaultCheckout

    String section() { 'options' }

    void skipDefaultCheckout() {
        skipDefaultCheckout = true
        options << [skipDefaultCheckout: true]
    }

    void timeout(Map settings) { options << [timeout: settings] }

    void buildDiscarder(Object strategy) { options << [buildDiscarder: strategy] }

    Map logRotator(Map settings) { return [logRotator: settings] }

    void disableConcurrentBuilds(Map settings = [:]) { options << [disableConcurrentBuilds: settings] }

    void timestamps() { options << [timestamps: true] }
}
