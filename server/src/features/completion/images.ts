/**
 * Container images: the simulator's image catalogue (context.images), each with a few
 * current tags, because an image without a tag means `latest`, which a trainer steers
 * learners away from.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { Frame } from './frame';
import { valueItem, type Field } from './values';

/** A few current tags of common images (v1.30 era), most useful first. */
export const IMAGE_TAGS: Readonly<Record<string, readonly string[]>> = {
  nginx: ['1.27', '1.27-alpine'],
  httpd: ['2.4'],
  redis: ['7.2', '7'],
  postgres: ['16'],
  mysql: ['8.4'],
  mongo: ['7.0'],
  busybox: ['1.36'],
  alpine: ['3.20'],
  ubuntu: ['24.04'],
  node: ['20', '20-alpine'],
  python: ['3.12', '3.12-slim'],
  'traefik/whoami': ['v1.10'],
  'hashicorp/http-echo': ['1.0'],
  'prom/prometheus': ['v2.53.0'],
  'grafana/grafana': ['11.1.0'],
};

const IMAGE_FIELDS = new Set(['core.v1.Container.image', 'core.v1.EphemeralContainer.image']);

/** `image:` values: each catalogue image with its known tags, or as written when it has none. */
export function imageItems(frame: Frame, field: Field): CompletionItem[] {
  if (!IMAGE_FIELDS.has(`${field.owner}.${field.property}`)) return [];
  const catalogue = frame.context.images.length > 0 ? frame.context.images : Object.keys(IMAGE_TAGS);
  const items: CompletionItem[] = [];
  catalogue.forEach((image, rank) => {
    const name = image.replace(/[:@].*$/, '');
    const tags = image === name ? IMAGE_TAGS[name] : undefined;
    const references = tags ? tags.map((tag) => `${name}:${tag}`) : [image];
    references.forEach((reference, index) => {
      items.push(valueItem(frame, reference, {
        kind: CompletionItemKind.Value,
        detail: 'image du catalogue',
        description: tags ? undefined : image === name ? 'sans tag : latest' : undefined,
        documentation: tags
          ? `Image \`${name}\` avec un tag précis : tu sais quelle version tourne, et chaque nœud lance la même.`
          : `Image \`${image}\` du catalogue du cluster simulé.`,
        sortText: `${String(rank).padStart(3, '0')}-${index}`,
      }));
    });
  });
  return items;
}
