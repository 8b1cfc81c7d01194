// Types for validators.js, written by scripts/generate-api-schemas.mjs: one ajv standalone
// validator per top-level kind, exported as `apps_v1_Deployment` for `apps.v1.Deployment`.
import type { ValidateFunction } from 'ajv';

declare const validators: Record<string, ValidateFunction | undefined>;
export = validators;
