import { waitFor } from '@testing-library/react';
import { matchRoutes } from 'react-router';
import { PORTAL_LINK_PATTERNS } from '@kipp/contracts';
import { routeTree } from '../../app/router';
import { FEATURES } from '../../app/routes';
import { startTestServer, type TestServer } from '../../testing/http-test-server';
import { renderPortal } from '../../testing/render-portal';
import { linksFeature } from './routes';
import { assignmentLinkTarget, proposalLinkTarget } from './link-targets';

/** A pattern with every parameter filled in, as a sender would build it. */
function example(pattern: string): string {
  return pattern.replace(/:[A-Za-z]+/g, (name) => `${name.slice(1)}_1`);
}

describe('links other services send people to', () => {
  it.each(PORTAL_LINK_PATTERNS)('should open a page of the portal at %s', (pattern) => {
    const matches = matchRoutes(routeTree(FEATURES), example(pattern)) ?? [];
    const page = matches.at(-1)?.route.path;
    expect(page).toBeDefined();
    expect(page).not.toBe('*');
  });

  it('should take an operator to the editor and a local admin to the review or the booking page', () => {
    expect(proposalLinkTarget('p 1', 'results', ['unit_operator'])).toBe(
      '/operator/proposals/p%201',
    );
    expect(proposalLinkTarget('p1', 'selection', ['local_admin'])).toBe(
      '/local-admin/proposals/p1',
    );
    expect(proposalLinkTarget('p1', 'interview', ['local_admin'])).toBe('/local-admin/interview');
    expect(proposalLinkTarget('p1', 'interview', ['unit_operator'])).toBe('/operator/proposals/p1');
    expect(assignmentLinkTarget('asg/1')).toBe('/evaluator/assignments/asg%2F1');
    expect(assignmentLinkTarget(null)).toBe('/evaluator');
  });

  describe('in the browser', () => {
    let server: TestServer;

    beforeEach(async () => {
      server = await startTestServer(() => ({ status: 404, body: {} }));
    });

    afterEach(async () => {
      await server.close();
    });

    it('should forward a local admin from an interview mail to the booking page', async () => {
      const { router } = await renderPortal({
        features: [linksFeature],
        path: '/proposals/prop_1/interview',
        baseUrl: server.url,
        signedIn: { sub: 'acc-1', roles: ['local_admin'], institutionId: 'inst_1' },
      });
      await waitFor(() => expect(router.state.location.pathname).toBe('/local-admin/interview'));
    });

    it('should forward an evaluator from an assignment mail to the score sheet', async () => {
      const { router } = await renderPortal({
        features: [linksFeature],
        path: '/evaluation/assignments/asg_1',
        baseUrl: server.url,
        signedIn: { sub: 'acc-2', roles: ['evaluator'] },
      });
      await waitFor(() =>
        expect(router.state.location.pathname).toBe('/evaluator/assignments/asg_1'),
      );
    });
  });
});
