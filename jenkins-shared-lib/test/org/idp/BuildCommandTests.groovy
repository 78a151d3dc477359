package org.idp

import org.idp.harness.Expect
import org.junit.Test

/** The ./build.sh command line: only checked words, so the shell can interpret nothing in it. */
class BuildCommandTests {
    @Test
    void 'targets and parameters become one command in the given order'() {
        BuildCommand command = BuildCommand.of(' Deploy  EmitDora ', [environment: 'prod', 'sonar-url': 'https://sonar.example.internal:9000'])

        Expect.equal('script', './build.sh Deploy EmitDora --environment prod --sonar-url https://sonar.example.internal:9000', command.script)
        Expect.equal('targets', ['Deploy', 'EmitDora'], command.targets)
    }

    @Test
    void 'shell metacharacters in any value are rejected'() {
        for (String value : ['a b', 'a;b', '$(id)', '`id`', 'a|b', "it's", 'a"b', 'a>b', 'a&b', 'a\nb', '']) {
            IdpConfigException e = (IdpConfigException) Expect.throwsWith(IdpConfigException) { BuildCommand.of('Deploy', [environment: value]) }
            Expect.contains("message for value ${value.inspect()}", e.message, ["parameter 'environment' has a value with characters the shell could interpret"])
        }
    }

    @Test
    void 'camelCase parameter name is rejected with the kebab-case form expected'() {
        IdpConfigException e = (IdpConfigException) Expect.throwsWith(IdpConfigException) { BuildCommand.of('Deploy', [sonarUrl: 'x']) }

        Expect.contains('message', e.message, ["parameter 'sonarUrl' must be written as on the command line without '--', in kebab-case"])
    }
}
