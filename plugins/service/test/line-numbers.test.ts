import { describe, expect, it } from 'vitest';
import { jsonLines } from '../src/api/document/json-lines.js';
import { NodePath, pointerKeys } from '../src/api/document/node-path.js';
import { yamlLines } from '../src/api/document/yaml-lines.js';

const wanted = (...pointers: string[]) => new Map(pointers.map((p) => [p, pointerKeys(p)]));

describe('line numbers of JSON pointers', () => {
  const json = [
    '{',
    '  "info": { "title": "a \\"quoted\\" {title}" },',
    '  "paths": {',
    '    "/pets/{id}": {',
    '      "get": {',
    '        "parameters": [',
    '          { "name": "x", "in": "query" },',
    '          {',
    '            "name": "y~z/w", "in": "query"',
    '          }',
    '        ],',
    '        "responses": {"200": {"description": "]}"}}',
    '      }',
    '    },',
    '    "k\\u0065y": 1',
    '  }',
    '}',
  ].join('\n');

  it('finds keys, array elements and escaped keys in JSON, skipping brackets inside strings', () => {
    const lines = jsonLines(
      json,
      wanted(
        '/paths/~1pets~1{id}/get',
        '/paths/~1pets~1{id}/get/parameters/1',
        '/paths/~1pets~1{id}/get/parameters/1/name',
        '/paths/~1pets~1{id}/get/responses/200',
        '/paths/key',
        '/nowhere',
      ),
    );
    expect(Object.fromEntries(lines)).toEqual({
      '/paths/~1pets~1{id}/get': 5,
      '/paths/~1pets~1{id}/get/parameters/1': 8,
      '/paths/~1pets~1{id}/get/parameters/1/name': 9,
      '/paths/~1pets~1{id}/get/responses/200': 12,
      '/paths/key': 15,
    });
  });

  it('finds the same nodes in YAML', () => {
    const yaml = [
      'paths:',
      '  /pets/{id}:',
      '    get:',
      '      parameters:',
      '        - name: x',
      '        - name: y',
      '      responses:',
      "        '200':",
      '          description: OK',
    ].join('\n');
    expect(
      Object.fromEntries(yamlLines(yaml, wanted('/paths/~1pets~1{id}/get', '/paths/~1pets~1{id}/get/parameters/1', '/paths/~1pets~1{id}/get/responses/200'))),
    ).toEqual({
      '/paths/~1pets~1{id}/get': 3,
      '/paths/~1pets~1{id}/get/parameters/1': 6,
      '/paths/~1pets~1{id}/get/responses/200': 8,
    });
  });

  it('spells pointers as RFC 6901 does', () => {
    const path = NodePath.of(['paths', '/pets/{id}', 'get', 'x~y']);
    expect(path.pointer()).toBe('/paths/~1pets~1{id}/get/x~0y');
    expect(pointerKeys(path.pointer())).toEqual(['paths', '/pets/{id}', 'get', 'x~y']);
  });
});
