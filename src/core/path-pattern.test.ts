import { describe, expect, test } from 'vitest';
import { foldPath } from './path-pattern';

describe('foldPath', () => {
  test.each([
    ['/users/17', '/users/:id'],
    ['/users/17/orders/9', '/users/:id/orders/:id'],
    ['/files/0b6c1a3d-2f4e-4a5b-9c8d-7e6f5a4b3c2d', '/files/:id'],
    ['/blobs/3f786850e387550fdab836ed7e6dc881de23001b', '/blobs/:id'],
    ['/t/eyJhbGciOiJIUzI1NiJ9abc123XYZ', '/t/:id'],
    ['/v2/items', '/v2/items'],
    ['/api/graphql', '/api/graphql'],
    ['/', '/'],
    // A long word is a route; the same length with a digit is a token.
    ['/docs/internationalizationguidelines', '/docs/internationalizationguidelines'],
    ['/hex/deadbeefcafe', '/hex/deadbeefcafe'],
  ])('%s → %s', (path, folded) => expect(foldPath(path, ':id')).toBe(folded));
});
