import { ATTRIBUTE_RISKS } from '../catalog/terraform-catalog.js';

/** Every change kind the Terraform diff reports. */
export const TERRAFORM_CHANGE_KINDS = [
  'resource.created',
  'resource.deleted',
  'resource.replaced',
  'resource.updated',
  'resource.moved',
  'resource.imported',
  'resource.forgotten',
  'resource.drifted',
  'resource.action-unrecognized',
  'attribute.unknown',
  ...ATTRIBUTE_RISKS.map((risk) => `attribute.${risk}`),
] as const;
