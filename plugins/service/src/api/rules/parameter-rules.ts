import { defineRule } from '@migration-architect/core';
import { API_CHANGE, detailsOf, type ParameterDetails } from '../change-kinds.js';
import { compareParameterTypes } from '../json-type-compatibility.js';
import { listUsers, param } from './example-documents.js';

export const requiredParameterAdded = defineRule({
  id: 'required-parameter-added',
  issueType: 'required_parameter_added',
  change: API_CHANGE.parameterAdded,
  severity: 'breaking',
  title: 'Required parameter added',
  description:
    'An operation gains a parameter it requires. Every request clients send today lacks it, so the server rejects them with 400 until each client is updated.',
  safeAlternative:
    'Add the parameter as optional with a server-side default, let clients adopt it, and make it required only in a new API version.',
  examples: [
    {
      name: 'tenant scoping becomes mandatory',
      before: listUsers([]),
      after: listUsers([param('organization_id', 'query', 'string', true)]),
    },
  ],
  when: (change) => detailsOf<ParameterDetails>(change).required,
  classify: (change) => {
    const details = detailsOf<ParameterDetails>(change);
    return {
      description: `New required ${details.in} parameter '${details.name}' added to ${details.operation}`,
      impact: 'Client requests without this parameter will fail',
      suggestedMigration: 'Provide default value or make parameter optional initially',
      affectedOperations: [details.operation],
    };
  },
});

export const optionalParameterAdded = defineRule({
  id: 'optional-parameter-added',
  issueType: 'optional_parameter_added',
  change: API_CHANGE.parameterAdded,
  severity: 'additive',
  title: 'Optional parameter added',
  description: 'An operation accepts a new optional parameter. Requests without it stay valid, so existing clients are unaffected.',
  safeAlternative: 'Nothing to make safe; document the default the server applies when the parameter is absent.',
  examples: [
    {
      name: 'new expand option',
      before: listUsers([]),
      after: listUsers([param('expand', 'query', 'string')]),
    },
  ],
  when: (change) => !detailsOf<ParameterDetails>(change).required,
  classify: (change) => {
    const details = detailsOf<ParameterDetails>(change);
    return {
      description: `New optional ${details.in} parameter '${details.name}' added to ${details.operation}`,
      impact: 'None for existing clients; requests without the parameter get the server default',
      suggestedMigration: 'Document the parameter and its default',
      affectedOperations: [details.operation],
    };
  },
});

export const requiredParameterRemoved = defineRule({
  id: 'required-parameter-removed',
  issueType: 'required_parameter_removed',
  change: API_CHANGE.parameterRemoved,
  severity: 'potentially_breaking',
  title: 'Required parameter removed',
  description:
    'An operation no longer declares a parameter it used to require. Clients that keep sending it are usually fine, because servers ignore undeclared query parameters and headers; but the server no longer acts on the value, so a filter, scope or tenant the client relied on is silently dropped and results change, and servers that reject unknown parameters fail the request outright. That is why this is potentially breaking rather than breaking, the seed\'s verdict, which assumed every request carrying the parameter fails.',
  safeAlternative:
    'Keep accepting the parameter as deprecated and either still honour it or document the behaviour that replaces it; tell clients to stop sending it before removing it.',
  examples: [
    {
      name: 'tenant no longer declared',
      before: listUsers([param('tenant', 'query', 'string', true)]),
      after: listUsers([]),
    },
  ],
  when: (change) => detailsOf<ParameterDetails>(change).required,
  classify: (change) => {
    const details = detailsOf<ParameterDetails>(change);
    return {
      description: `Required ${details.in} parameter '${details.name}' removed from ${details.operation}`,
      impact:
        'Requests that still send the parameter are accepted by most servers but its value is ignored, so results may silently change; servers that reject unknown parameters fail them',
      suggestedMigration: 'Keep accepting the parameter (deprecated) until clients stop sending it, and document what replaces it',
      affectedOperations: [details.operation],
    };
  },
});

export const optionalParameterRemoved = defineRule({
  id: 'optional-parameter-removed',
  issueType: 'optional_parameter_removed',
  change: API_CHANGE.parameterRemoved,
  severity: 'potentially_breaking',
  title: 'Optional parameter removed',
  description:
    'An operation no longer declares an optional parameter. Requests that send it are usually still accepted, but the option (sorting, filtering, paging, expansion) no longer takes effect, so clients relying on it get different results. The seed ignored this case.',
  safeAlternative: 'Keep accepting the parameter as deprecated until clients stop sending it.',
  examples: [
    {
      name: 'sort option dropped',
      before: listUsers([param('sort', 'query', 'string')]),
      after: listUsers([]),
    },
  ],
  when: (change) => !detailsOf<ParameterDetails>(change).required,
  classify: (change) => {
    const details = detailsOf<ParameterDetails>(change);
    return {
      description: `Optional ${details.in} parameter '${details.name}' removed from ${details.operation}`,
      impact: 'Requests that send the parameter no longer get its effect; servers that reject unknown parameters fail them',
      suggestedMigration: 'Keep the parameter as deprecated and warn clients that send it (e.g. a Warning or Deprecation header)',
      affectedOperations: [details.operation],
    };
  },
});

export const parameterMadeRequired = defineRule({
  id: 'parameter-made-required',
  issueType: 'parameter_made_required',
  change: API_CHANGE.parameterMadeRequired,
  severity: 'breaking',
  title: 'Parameter made required',
  description:
    'A parameter that was optional is now required. Requests that omitted it, valid until now, are rejected with 400.',
  safeAlternative: 'Keep the parameter optional with a server-side default; require it only in a new API version.',
  examples: [
    {
      name: 'limit must be given',
      before: listUsers([param('limit', 'query', 'integer')]),
      after: listUsers([param('limit', 'query', 'integer', true)]),
    },
  ],
  classify: (change) => {
    const details = detailsOf<ParameterDetails>(change);
    return {
      description: `${details.in} parameter '${details.name}' of ${details.operation} is now required`,
      impact: 'Client requests without this parameter will fail',
      suggestedMigration: 'Apply a default when the parameter is absent instead of rejecting the request',
      affectedOperations: [details.operation],
    };
  },
});

export const parameterMadeOptional = defineRule({
  id: 'parameter-made-optional',
  issueType: 'parameter_made_optional',
  change: API_CHANGE.parameterMadeOptional,
  severity: 'non_breaking',
  title: 'Parameter made optional',
  description: 'A required parameter became optional. Every request that was valid stays valid.',
  safeAlternative: 'Nothing to make safe; document the default applied when the parameter is absent.',
  examples: [
    {
      name: 'tenant defaults server-side',
      before: listUsers([param('tenant', 'query', 'string', true)]),
      after: listUsers([param('tenant', 'query', 'string')]),
    },
  ],
  classify: (change) => {
    const details = detailsOf<ParameterDetails>(change);
    return {
      description: `${details.in} parameter '${details.name}' of ${details.operation} is now optional`,
      impact: 'None for existing clients',
      suggestedMigration: 'Document the default applied when the parameter is absent',
      affectedOperations: [details.operation],
    };
  },
});

export const parameterTypeChanged = defineRule({
  id: 'parameter-type-changed',
  issueType: 'parameter_type_changed',
  change: API_CHANGE.parameterTypeChanged,
  severity: 'breaking',
  title: 'Parameter type changed',
  description:
    'The schema type of a parameter changed. Parameters travel as text, so an integer, number or boolean becoming a string is a widening, as is integer becoming number: non-breaking. A narrowing or an unrelated type rejects values clients send today: breaking.',
  safeAlternative: 'Accept both the old and the new form during a transition, or add a new parameter with the new type and deprecate the old one.',
  examples: [
    {
      name: 'date filter becomes an epoch integer',
      before: listUsers([param('created_after', 'query', 'string')]),
      after: listUsers([param('created_after', 'query', 'integer')]),
    },
  ],
  classify: (change) => {
    const details = detailsOf<ParameterDetails>(change);
    const verdict = compareParameterTypes(details.fromType, details.toType);
    const from = details.fromType ?? 'any';
    const to = details.toType ?? 'any';
    return {
      severity: verdict?.severity ?? 'breaking',
      description: `Type of ${details.in} parameter '${details.name}' of ${details.operation} changed from ${from} to ${to}: ${verdict?.reason ?? 'types differ'}`,
      impact: verdict?.severity === 'non_breaking' ? 'None for existing clients' : 'Client requests with values of the old type may be rejected',
      suggestedMigration: 'Accept both forms during a transition, or introduce a new parameter and deprecate this one',
      affectedOperations: [details.operation],
    };
  },
});
