package org.idp.harness

/** How the declarative runner evaluates the two kinds of closure a pipeline {} block holds. */
class Directives {
    /** A section (options, stages, post...) only accepts its directives: anything else is a HarnessError. */
    static Object collect(Closure body, DirectiveSpec spec) {
        Closure section = body.rehydrate(spec, body.owner, body.thisObject)
        section.resolveStrategy = Closure.DELEGATE_FIRST
        return section.call()
    }

    /** steps {}, script {} and post conditions run step calls against the library script, as Jenkins does. */
    static Object runSteps(Closure body) {
        Closure steps = body.rehydrate(body.thisObject, body.owner, body.thisObject)
        steps.resolveStrategy = Closure.DELEGATE_FIRST
        return steps.call()
    }
}
