import * as assert from 'node:assert/strict';
import { MarkupKind, type Hover, type MarkupContent } from 'vscode-languageserver';
import { propertyDoc, valueDoc } from '../../../simulator/src/api/docs/index';
import { documentAtOffset, ParseCache } from '../../../server/src/documents/file';
import { provideHover } from '../../../server/src/features/hover';
import { documentAtCaret, withCaret } from './fixtures';

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';

/** The hover at the caret of `source`. */
function hoverAt(source: string, marker?: string): Hover | null {
  const { document, chunkOffset } = documentAtCaret(source, marker);
  return provideHover(document, chunkOffset);
}

/** The Markdown of the hover at the caret; fails when there is none. */
function markdownAt(source: string, marker?: string): string {
  const hover = hoverAt(source, marker);
  assert.ok(hover, `no hover at the caret of ${JSON.stringify(source)}`);
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, MarkupKind.Markdown);
  return contents.value;
}

function firstLine(markdown: string): string {
  return markdown.split('\n')[0]!;
}

/** The walkthrough id a hover's chapter link opens. */
function walkthroughOf(markdown: string): { title: string; args: unknown } {
  const match = /\[Chapitre : ([^\]]+)\]\(command:workbench\.action\.openWalkthrough\?([^)]+)\)/.exec(markdown);
  assert.ok(match, `no chapter link in:\n${markdown}`);
  return { title: match[1]!, args: JSON.parse(decodeURIComponent(match[2]!)) };
}

describe('server/features/hover', () => {
  describe('on a key', () => {
    it('titles the field with its type, whether it is required, and the definition it belongs to', () => {
      assert.equal(firstLine(markdownAt(`${DEPLOYMENT}spec:\n  repl|icas: 3\n`)), '**`replicas`** — `integer` · facultatif · dans `DeploymentSpec`');
      assert.equal(
        firstLine(markdownAt(`${DEPLOYMENT}spec:\n  temp|late: {}\n`)),
        '**`template`** — objet `PodTemplateSpec` · obligatoire · dans `DeploymentSpec`',
      );
    });

    it('gives the French description, the default and the example in a yaml block', () => {
      const markdown = markdownAt(`${DEPLOYMENT}spec:\n  repl|icas: 3\n`);
      const doc = propertyDoc('apps.v1.DeploymentSpec', 'replicas')!;
      assert.equal(doc.lang, 'fr');
      assert.ok(markdown.includes(doc.text));
      assert.ok(markdown.includes('Par défaut : `1`'), markdown);
      assert.ok(markdown.includes(`\`\`\`yaml\n${doc.example!}\n\`\`\``), markdown);
    });

    it("links to the walkthrough of the field's chapter with a command URI", () => {
      const { title, args } = walkthroughOf(markdownAt(`${DEPLOYMENT}spec:\n  repl|icas: 3\n`));
      assert.equal(title, 'Les ressources de base');
      assert.deepEqual(args, ['atelier-kubernetes.atelier-kubernetes#ressources']);
      assert.deepEqual(walkthroughOf(markdownAt('apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  access|Modes: []\n')).args, [
        'atelier-kubernetes.atelier-kubernetes#volumes',
      ]);
    });

    it('covers the hovered key, and nothing more', () => {
      const hover = hoverAt(`${DEPLOYMENT}spec:\n  repl|icas: 3\n`)!;
      assert.deepEqual(hover.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 10 } });
    });

    it('names types in Kubernetes terms: lists, maps, IntOrString, Quantity', () => {
      const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n';
      assert.match(firstLine(markdownAt(`${pod}spec:\n  contai|ners: []\n`)), /— liste d'objets `Container` · obligatoire/);
      assert.match(firstLine(markdownAt(`${pod}spec:\n  hostN|etwork: true\n`)), /— `boolean` · facultatif/);
      assert.match(firstLine(markdownAt(`${pod}spec:\n  containers:\n    - name: c\n      ar|gs: []\n`)), /— liste de `string` ·/);
      assert.match(firstLine(markdownAt('apiVersion: v1\nkind: Pod\nmetadata:\n  lab|els: {}\n')), /— map de `string` ·/);
      assert.match(firstLine(markdownAt('apiVersion: v1\nkind: Service\nspec:\n  ports:\n    - targe|tPort: 80\n')), /— `IntOrString` ·/);
      const limits = `${pod}spec:\n  containers:\n    - name: c\n      resources:\n        lim|its: {}\n`;
      assert.match(firstLine(markdownAt(limits)), /— map de `Quantity` ·/);
      assert.match(firstLine(markdownAt(`${pod}spec:\n  containers:\n    - na|me: c\n`)), /^\*\*`name`\*\* — `string` · obligatoire · dans `Container`/);
    });

    it('says which fields Kubernetes fills itself', () => {
      assert.match(firstLine(markdownAt('apiVersion: v1\nkind: Pod\nmetadata:\n  u|id: x\n')), /· lecture seule ·/);
    });

    it('lists the supported values of an enum-like field', () => {
      assert.ok(markdownAt('apiVersion: v1\nkind: Service\nspec:\n  ty|pe: NodePort\n').includes('Valeurs possibles : `ClusterIP`, `ExternalName`, `LoadBalancer`, `NodePort`'));
    });

    it('says when a description is the upstream English one, untranslated', () => {
      const doc = propertyDoc('coordination.v1.LeaseSpec', 'holderIdentity')!;
      assert.equal(doc.lang, 'en', 'the fixture needs a field without French text');
      const markdown = markdownAt('apiVersion: coordination.k8s.io/v1\nkind: Lease\nspec:\n  holder|Identity: a\n');
      assert.ok(markdown.includes("*Description d'origine de l'API, en anglais (pas encore traduite) :*"), markdown);
      assert.ok(markdown.includes(doc.text));
    });

    it("gives a map's keys the map's documentation", () => {
      const label = markdownAt('apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    a|pp: web\n');
      assert.equal(firstLine(label), '**`app`** — clé de `labels` (map de `string`) · dans `ObjectMeta`');
      assert.ok(label.includes(propertyDoc('meta.v1.ObjectMeta', 'labels')!.text));
      const data = markdownAt('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  LOG_LE|VEL: info\n');
      assert.ok(data.includes(propertyDoc('core.v1.ConfigMap', 'data')!.text));
    });

    it('says that an unknown field does not exist, and which one was meant', () => {
      const markdown = markdownAt(`${DEPLOYMENT}spec:\n  repl|ica: 3\n`);
      assert.equal(firstLine(markdown), "**`replica`** — ce champ n'existe pas dans `DeploymentSpec`.");
      assert.ok(markdown.includes('Voulais-tu dire `replicas` ?'), markdown);
      assert.ok(!markdownAt(`${DEPLOYMENT}spec:\n  zz|zzzzzzz: 3\n`).includes('Voulais-tu dire'));
    });

    it('says nothing about the children of an unknown field', () => {
      assert.equal(hoverAt(`${DEPLOYMENT}spec:\n  bogus:\n    ch|ild: 1\n`), null);
    });

    it('documents the keys of list items and of deep structures', () => {
      const source = `${DEPLOYMENT}spec:\n  template:\n    spec:\n      containers:\n        - name: web\n          ima|ge: nginx\n`;
      assert.ok(markdownAt(source).includes(propertyDoc('core.v1.Container', 'image')!.text));
    });
  });

  describe('on a value', () => {
    it('explains what the value of an enum-like field means', () => {
      const markdown = markdownAt('apiVersion: v1\nkind: Service\nspec:\n  type: Node|Port\n');
      assert.equal(firstLine(markdown), '**`NodePort`** — valeur de `type` (dans `ServiceSpec`)');
      assert.ok(markdown.includes(valueDoc('core.v1.ServiceSpec', 'type', 'NodePort')!));
    });

    it('explains the items of a list of enum values', () => {
      const markdown = markdownAt('apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  accessModes:\n    - ReadWrite|Once\n');
      assert.ok(markdown.includes(valueDoc('core.v1.PersistentVolumeClaimSpec', 'accessModes', 'ReadWriteOnce')!));
    });

    it('says when a value is not one the API accepts, and which one was meant', () => {
      const markdown = markdownAt('apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: alw|ays\n');
      assert.equal(firstLine(markdown), "**`always`** — n'est pas une valeur acceptée pour `restartPolicy` (dans `PodSpec`).");
      assert.ok(markdown.includes('Voulais-tu dire `Always` ?'));
    });

    it("shows the field's documentation on other values, over the value's span", () => {
      const hover = hoverAt(`${DEPLOYMENT}spec:\n  replicas: |3\n`)!;
      assert.match(firstLine((hover.contents as MarkupContent).value), /^\*\*`replicas`\*\*/);
      assert.deepEqual(hover.range, { start: { line: 5, character: 12 }, end: { line: 5, character: 13 } });
    });
  });

  describe('on apiVersion and kind', () => {
    it('says what the resource is for, its scope and the names kubectl knows it by', () => {
      const markdown = markdownAt('apiVersion: apps/v1\nkind: Deploy|ment\n');
      assert.equal(firstLine(markdown), '**Deployment** — `apps/v1`');
      assert.ok(markdown.includes('Un Deployment gère des Pods'), markdown);
      assert.ok(markdown.includes('Portée : dans un namespace'));
      assert.ok(markdown.includes('`kubectl get deployments` ou `deploy`'));
      assert.deepEqual(walkthroughOf(markdown).args, ['atelier-kubernetes.atelier-kubernetes#ressources']);
    });

    it('gives the same on the apiVersion value, over its span', () => {
      const hover = hoverAt('apiVersion: app|s/v1\nkind: Deployment\n')!;
      assert.equal(firstLine((hover.contents as MarkupContent).value), '**Deployment** — `apps/v1`');
      assert.deepEqual(hover.range, { start: { line: 0, character: 12 }, end: { line: 0, character: 19 } });
    });

    it('tells cluster-wide resources apart', () => {
      assert.ok(markdownAt('apiVersion: v1\nkind: Names|pace\n').includes('Portée : tout le cluster'));
    });

    it('documents the kind and apiVersion keys as fields', () => {
      assert.match(firstLine(markdownAt('apiVersion: apps/v1\nki|nd: Deployment\n')), /^\*\*`kind`\*\* — `string`/);
    });

    it('says which apiVersion serves a kind written with a wrong one', () => {
      const markdown = markdownAt('apiVersion: extensions/v1beta1\nkind: Deploy|ment\n');
      assert.equal(firstLine(markdown), "**`Deployment`** — n'est pas servi en `extensions/v1beta1` par un API server v1.30.");
      assert.ok(markdown.includes('Utilise `apiVersion: apps/v1`.'));
    });

    it('suggests the kind that was probably meant', () => {
      const markdown = markdownAt('apiVersion: apps/v1\nkind: Deplyment|\n');
      assert.ok(markdown.includes("ce kind n'existe pas"));
      assert.ok(markdown.includes('Voulais-tu dire `Deployment` ?'));
      assert.equal(hoverAt('apiVersion: apps/v1\nkind: Deplyment\nspec:\n  repl|icas: 1\n'), null);
    });
  });

  describe('where there is nothing to say', () => {
    it('returns null outside Kubernetes documents', () => {
      assert.equal(hoverAt('services:\n  we|b:\n    image: nginx\n'), null);
      assert.equal(hoverAt('kind: Deploy|ment\n'), null);
    });

    it('returns null on blank space and comments', () => {
      assert.equal(hoverAt(`${DEPLOYMENT}|\n# note\n`), null);
      assert.equal(hoverAt(`${DEPLOYMENT}# no|te\n`), null);
    });

    it('never throws on malformed YAML', () => {
      const source = `${DEPLOYMENT}  labels: {app: web\nspec:\n\treplicas: "3\n  template: &t\n    spec: *t\n  - bad\n: :\n`;
      for (let length = 0; length <= source.length; length++) {
        const text = source.slice(0, length);
        for (let offset = 0; offset <= length; offset += 3) {
          const document = documentAtOffset(text, offset, new ParseCache());
          if (document) assert.doesNotThrow(() => provideHover(document, offset - document.offset), `${JSON.stringify(text)} @ ${offset}`);
        }
      }
    });
  });

  describe('in a multi-document file', () => {
    it('positions the range in the file, on the document under the cursor', () => {
      const { text, offset } = withCaret(`${DEPLOYMENT}---\napiVersion: v1\nkind: Service\nspec:\n  ty|pe: ClusterIP\n`);
      const document = documentAtOffset(text, offset, new ParseCache())!;
      const hover = provideHover(document, offset - document.offset)!;
      assert.match((hover.contents as MarkupContent).value, /^\*\*`type`\*\* — `string` · facultatif · dans `ServiceSpec`/);
      assert.deepEqual(hover.range, { start: { line: 8, character: 2 }, end: { line: 8, character: 6 } });
    });

    it('parses only the document under the cursor, and answers within 20 ms in a 5,000-line file', () => {
      const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  labels:\n    app: s\nspec:\n  type: ClusterIP\n  ports:\n    - port: 80\n';
      const body = Array.from({ length: 500 }, () => `---\n${service}`).join('');
      const { text, offset } = withCaret(`${body}---\n${service.replace('type: Cluster', 'type: Clus|ter')}`);
      assert.ok(text.split('\n').length > 5000);
      // Timing is measured by npm run bench; here, that only the document under the cursor is parsed.
      const cache = new ParseCache();
      const document = documentAtOffset(text, offset, cache)!;
      assert.ok(provideHover(document, offset - document.offset));
      assert.equal(cache.size, 1);
    });
  });
});
