// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import type { TabInfo } from '../../platform/devtools-context';
import { TabPicker } from './TabPicker';

afterEach(cleanup);

const TABS: TabInfo[] = [
  { id: 3, title: 'Shop <b>x</b>', url: 'https://shop.test/' },
  { id: 4, title: 'CORS Lens', url: 'chrome-extension://abc/src/panel/panel.html?standalone=1' },
  { id: 5, title: '', url: 'https://blank.test/' },
  { id: 6, title: '', url: 'about:blank' },
];

test('lists web tabs (not extension pages or empty tabs) and picks one', async () => {
  const picked: number[] = [];
  render(<TabPicker listTabs={() => Promise.resolve(TABS)} onPick={(id) => picked.push(id)} />);
  await screen.findByText('https://shop.test/');
  const buttons = screen.getAllByRole('button').filter((b) => b.textContent !== 'Refresh');
  expect(buttons.map((b) => b.textContent)).toEqual(['Shop <b>x</b> https://shop.test/', '(untitled) https://blank.test/']);
  fireEvent.click(buttons[1] as HTMLElement);
  expect(picked).toEqual([5]);
});

test('without host access the browser hides web tabs\' URLs: they are still listed, by id', async () => {
  const picked: number[] = [];
  const hidden: TabInfo[] = [{ id: 7, title: '', url: '', hidden: true }, TABS[1] as TabInfo];
  render(<TabPicker listTabs={() => Promise.resolve(hidden)} onPick={(id) => picked.push(id)} />);
  fireEvent.click(await screen.findByText('tab 7, address hidden (no access to websites)'));
  expect(picked).toEqual([7]);
});

test('Refresh lists tabs opened since', async () => {
  let tabs: TabInfo[] = [];
  render(<TabPicker listTabs={() => Promise.resolve(tabs)} onPick={() => undefined} />);
  tabs = TABS;
  fireEvent.click(await screen.findByText('Refresh'));
  expect((await screen.findByText('https://shop.test/')).textContent).toBe('https://shop.test/');
});

test('shows why when tabs cannot be listed', async () => {
  render(<TabPicker listTabs={() => Promise.reject(new Error('no tabs permission'))} onPick={() => undefined} />);
  expect((await screen.findByText(/no tabs permission/)).textContent).toBe('Error: no tabs permission');
});
