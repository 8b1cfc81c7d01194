import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { DiagnosticData } from '../../../../server/src/features/diagnostics';
import { applyFix, diagnosticsOf, fixesFor, yaml } from './helpers';

/** The API server's objections to the last document of `text` (the one a fix created). */
function errorsOfLast(text: string): string[] {
  const last = text.split(/^---$/m).length - 1;
  return diagnosticsOf(text)
    .filter((diagnostic) => (diagnostic.data as DiagnosticData).document === last && diagnostic.severity === DiagnosticSeverity.Error)
    .map((diagnostic) => diagnostic.message);
}

const pod = (spec: string, namespace = ''): string =>
  yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
  ` +
  namespace +
  'spec:\n' +
  spec;

const ENV = yaml`
  containers:
    - name: web
      image: nginx:1.27
      env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db
              key: password
        - name: DB_USER
          valueFrom:
            secretKeyRef:
              name: db
              key: user
`
  .trimEnd()
  .replace(/^/gm, '  ')
  .concat('\n');

describe('server/features/codeActions: reference-missing', () => {
  it('appends a Secret with every key the Pod reads, in its namespace, as a new document', () => {
    const text = pod(ENV, '  namespace: shop\n');
    const { actions } = fixesFor(text, 'reference-missing');
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred ?? false]),
      [['Créer le Secret « db » (nouveau document en fin de fichier)', true]],
    );
    const after = applyFix(text, 'reference-missing');
    assert.equal(
      after.slice(text.length),
      yaml`
        ---
        # Créé par la correction rapide : complète les valeurs (en clair dans stringData, Kubernetes les encode).
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: shop
        type: Opaque
        stringData:
          password: ""
          user: ""
      `,
    );
    assert.deepEqual(errorsOfLast(after), []);
  });

  it('creates a ConfigMap after a file that lacks its last newline, and a ServiceAccount', () => {
    const text = pod('  serviceAccountName: robot\n  containers:\n    - name: web\n      image: nginx:1.27\n      envFrom:\n        - configMapRef:\n            name: settings').trimEnd();
    const withConfigMap = applyFix(text, 'reference-missing', 'Créer le ConfigMap « settings » (nouveau document en fin de fichier)', {
      path: ['spec', 'containers', 0, 'envFrom', 0, 'configMapRef', 'name'],
    });
    assert.ok(withConfigMap.startsWith(`${text}\n---\n`), withConfigMap);
    assert.ok(withConfigMap.endsWith('kind: ConfigMap\nmetadata:\n  name: settings\ndata: {}\n'), withConfigMap);
    const both = applyFix(withConfigMap, 'reference-missing', 'Créer le ServiceAccount « robot » (nouveau document en fin de fichier)', {
      path: ['spec', 'serviceAccountName'],
    });
    assert.ok(both.endsWith('---\n# Créé par la correction rapide.\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\n'), both);
  });

  it('creates a PersistentVolumeClaim that the API server accepts, after a trailing `---`', () => {
    const text = `${pod('  containers:\n    - name: web\n      image: nginx:1.27\n  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: data\n')}---\n`;
    const after = applyFix(text, 'reference-missing');
    assert.ok(after.startsWith(`${text}# Créé par la correction rapide`), after);
    assert.ok(after.endsWith('spec:\n  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: 1Gi\n'), after);
    assert.deepEqual(errorsOfLast(after), []);
    assert.deepEqual(fixesFor(text, 'reference-missing').titles, ['Créer la PersistentVolumeClaim « data » (nouveau document en fin de fichier)']);
  });

  it('prefers the name of a known object close to the mistyped one', () => {
    const other = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: dbs\nstringData:\n  password: x\n  user: y\n';
    const { titles, actions } = fixesFor(pod(ENV), 'reference-missing', { others: [other] });
    assert.deepEqual(titles, ['Utiliser le Secret existant « dbs »', 'Créer le Secret « db » (nouveau document en fin de fichier)']);
    assert.equal(actions[0]!.isPreferred, true);
    const after = applyFix(pod(ENV), 'reference-missing', titles[0], { others: [other] });
    assert.ok(after.includes('              name: dbs\n              key: password\n'), after);
  });
});
