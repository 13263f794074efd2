/**
 * package.json agrees with the code's ids (src/ids.ts, src/mcp/toolsets.ts): one subtest per
 * check. Each finds nothing in the real package.json, and reports every fault planted in
 * fixtures/broken-package.json, so a check that silently stops working fails here too.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHECKS, checkManifest, type CheckName } from '../../scripts/manifest/check';
import { codeIds } from '../../scripts/manifest/codeIds';
import { whenReferences } from '../../scripts/manifest/whenClause';

const ROOT = path.resolve(__dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const real = checkManifest(readJson(path.join(ROOT, 'package.json')), codeIds());
const broken = checkManifest(readJson(path.join(__dirname, 'fixtures', 'broken-package.json')), codeIds());

/** The faults planted in the fixture, as "where: message" fragments each check must report. */
const PLANTED: Record<CheckName, string[]> = {
  commandsWithoutHandler: ['contributes.commands[1]: command "posthog.noHandler" has no handler in the code'],
  handlersWithoutCommand: [
    'contributes.commands: the code handles "posthog.signOut" but package.json does not contribute it',
    'contributes.commands: the code handles "posthog.mcp.installCustom" but package.json does not contribute it',
  ],
  views: [
    'contributes.views.posthog[2]: view "posthog.extraView" is not a view the code creates',
    'contributes.views: the code creates view "posthog.mcpInstallations" but package.json does not contribute it',
  ],
  references: [
    'contributes.menus.view/title[0]: unknown command "posthog.dashboards.nope"',
    'contributes.menus.view/title[1].when: unknown view "posthog.unknownView"',
    'contributes.keybindings[0]: unknown command "posthog.typo"',
    'contributes.viewsWelcome[0].view: unknown view "posthog.nowhere"',
    'contributes.viewsWelcome[0].contents: unknown command "posthog.sigIn"',
    'activationEvents[0]: unknown view "posthog.gone"',
    'activationEvents[1]: unknown command "posthog.missing"',
    'activationEvents[2]: unknown MCP server provider "posthog.otherServer"',
    'contributes.walkthroughs[0].steps[0].description: unknown command "posthog.walkLink"',
    'contributes.walkthroughs[0].steps[0].description: unknown command "posthog.sideLink"',
    'contributes.walkthroughs[0].steps[0].completionEvents[0]: unknown command "posthog.walkCommand"',
    'contributes.walkthroughs[0].steps[0].completionEvents[1]: unknown view "posthog.walkView"',
  ],
  contextKeys: [
    'contributes.views.posthog[1].when: context key "posthog.signedin" is never set by the code',
    'contributes.menus.view/item/context[2].when: context key "posthog.mcpFiltered" is never set by the code',
    'contributes.keybindings[0].when: context key "posthog.noSuchKey" is never set by the code',
    'contributes.walkthroughs[0].steps[0].completionEvents[2]: context key "posthog.walkKey" is never set by the code',
  ],
  viewItems: [
    'contributes.menus.view/item/context[0].when: unknown tree item contextValue "posthog.flag.on"',
    'contributes.menus.view/item/context[1].when: viewItem =~ /^posthog\\.dashbord/ matches no tree item contextValue',
  ],
  toolsets: [
    'contributes.configuration.properties["posthog.mcp.toolsets"].items.enum: differs from the toolsets: missing workspace, code',
    'contributes.configuration.properties["posthog.mcp.toolsets"].items.enumDescriptions: has 1 entries for 13 toolsets',
  ],
};

describe('package.json agrees with the code', () => {
  for (const [check, title] of Object.entries(CHECKS) as Array<[CheckName, string]>) {
    it(`${title} (${check})`, () => {
      const found = (list: typeof real) => list.filter((p) => p.check === check).map((p) => `${p.where}: ${p.message}`);
      assert.deepEqual(found(real), [], 'package.json');
      const reported = found(broken);
      for (const fault of PLANTED[check])
        assert.ok(
          reported.some((r) => r.startsWith(fault)),
          `the broken fixture's fault is reported: ${fault}\nreported:\n${reported.join('\n')}`,
        );
      // Faults the fixture does not plant stay unreported: a link to VS Code's own command, VS Code's own keys.
      const falseAlarms = /"(workbench\.action\.openSettings|editorTextFocus|posthog\.signIn|posthog\.ready|posthog\.dashboards)"/;
      assert.deepEqual(
        reported.filter((r) => falseAlarms.test(r)),
        [],
        'no false alarms',
      );
    });
  }
});

describe('reading when clauses', () => {
  it('lists each key with its comparison, a regular expression as one', () => {
    const refs = whenReferences("view == posthog.dashboards && (viewItem =~ /^posthog\\.dashboard/ || !posthog.signedIn) && a in 'b'");
    assert.deepEqual(
      refs.map((r) => [r.key, r.op, String(r.value)]),
      [
        ['view', '==', 'posthog.dashboards'],
        ['viewItem', '=~', '/^posthog\\.dashboard/'],
        ['posthog.signedIn', undefined, 'undefined'],
        ['a', 'in', 'b'],
      ],
    );
    assert.throws(() => whenReferences('view =='), /nothing after/);
  });
});
