/**
 * `image-latest`: pins the image to the version the lint rule suggests (a known current tag
 * of a common image). No fix is offered for an unknown image: a made-up tag would fail to
 * pull, which is worse than `latest`.
 */
import type { CodeAction } from 'vscode-languageserver';
import { pinnedImage } from '../../lint/podRules';
import { documentFix, fixString, type FixContext } from './action';
import { replaceScalar, scalarAt } from './yamlEdits';

export function pinImageTag(fix: FixContext): CodeAction[] {
  const scalar = scalarAt(fix.document, fix.data.path);
  if (!scalar || typeof scalar.value !== 'string') return [];
  // The diagnostic may be older than the text: fix only the image it was about.
  const image = fixString(fix, 'image');
  if (image !== undefined && image !== scalar.value) return [];
  const pinned = fixString(fix, 'suggestedImage') ?? pinnedImage(scalar.value);
  if (!pinned) return [];
  return documentFix(fix, `Fixer la version de l'image : ${pinned}`, [replaceScalar(fix.document, scalar, pinned)], true);
}
