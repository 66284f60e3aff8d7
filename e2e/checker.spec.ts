import { expect, openExample, openStep, test } from './fixtures';

test('a client whose DNS server sits in an unlinked hub fails at name resolution until the link is added', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /Hub and spoke/);
  await openStep(page, 'Private DNS zone');
  // vnet-spoke-2 asks the custom DNS server 10.0.0.4 in vnet-hub, so the hub's link is what resolves its names.
  await page.getByLabel('Link vnet-hub (peered VNet)').uncheck();

  await openStep(page, 'Clients');
  const card = page.locator('.checker-client', { has: page.getByRole('heading', { name: /reporting-app/ }) });
  await expect(card).toContainText('Not reachable');
  await expect(card).toContainText('fails at name resolution: link the zone to vnet-hub');
  await expect(card.getByRole('list', { name: 'Hops of reporting-app' })).toContainText('PGN-137');

  // "Go to the field" lands on the link's checkbox; adding the link there makes the client reachable.
  await card
    .getByRole('button', { name: /Go to the field for: .*link the zone to vnet-hub/i })
    .first()
    .click();
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('type', 'checkbox');
  await focused.check();
  await openStep(page, 'Clients');
  await expect(card).toContainText('Reachable');
  await expect(card).not.toContainText('Not reachable');

  // The Review step shows the same verdicts.
  await openStep(page, 'Review');
  const reviewCard = page.locator('.checker-client', { has: page.getByRole('heading', { name: /reporting-app/ }) });
  await expect(reviewCard).toContainText('Reachable');
});

test('an internet client of a public plan outside every firewall rule gets the rule that would fix it', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /Public access/);
  await openStep(page, 'Firewall rules');
  await page.getByRole('button', { name: /Remove .*office-dublin/ }).click();
  await openStep(page, 'Clients');
  const card = page.locator('.checker-client', { has: page.getByRole('heading', { name: /dublin-analysts/ }) });
  await expect(card).toContainText('Not reachable');
  await expect(card).toContainText('add a firewall rule for 203.0.113.9');
});

test('public network access off: the firewall step says its rules do nothing, and no internet client gets in', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /Public access/);
  await openStep(page, 'Firewall rules');
  const open = page.getByRole('checkbox', { name: /Allow public access to this resource through the internet/ });
  await expect(open).toBeChecked();
  await open.uncheck();
  await expect(page.getByRole('note').filter({ hasText: 'Private endpoints only.' })).toContainText(
    'the firewall rules and “Azure services” below are not enforced',
  );
  await openStep(page, 'Clients');
  const card = page.locator('.checker-client', { has: page.getByRole('heading', { name: /dublin-analysts/ }) });
  await expect(card).toContainText('Not reachable');
  await expect(card.getByRole('list', { name: 'Hops of dublin-analysts' })).toContainText('PGN-224');

  // "Go to the field" lands on the switch; on again, the firewall rule lets the client in.
  await card
    .getByRole('button', { name: /Go to the field for: .*enable public network access/i })
    .first()
    .click();
  await expect(page.locator(':focus')).toHaveAttribute('type', 'checkbox');
  await page.locator(':focus').check();
  await openStep(page, 'Clients');
  await expect(card).not.toContainText('Not reachable');
});
