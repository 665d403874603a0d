import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PakauraCluster } from '@pakaura/deploy-kube/testing';
import { runVerify } from '../runner';

let cluster: PakauraCluster;
beforeEach(async () => {
  cluster = await PakauraCluster.start();
});
afterEach(() => cluster.close());

const runChatbot = async () =>
  (await runVerify({ ...cluster.verifyOptions(), only: ['chatbot'] })).checks[0];

describe('chatbot check (T052)', () => {
  it('walks the four seed sentences, checks the task list after each, and deletes the test user', async () => {
    const result = await runChatbot();
    expect(result.status).toBe('passed');
    const steps = result.evidence.filter((e) => e.startsWith('step '));
    expect(steps).toHaveLength(4);
    expect(steps[0]).toMatch(
      /^step 1 "Add a task to demo Kubernetes" -> add_task; .* tasks: \[ \] Demo Kubernetes$/,
    );
    expect(steps[2]).toMatch(/tasks: \[x\] Demo Kubernetes$/);
    expect(steps[3]).toMatch(/tasks: none$/);
    expect(cluster.sql).toEqual([
      expect.stringMatching(/^DELETE FROM users WHERE email = 'verify-[0-9a-f]+@pakaura\.test'$/),
    ]);
  });

  it('fails at the first sentence when the bot answers without acting', async () => {
    cluster.fakeApi.chatActs = false;
    const result = await runChatbot();
    expect(result.message).toBe(
      'step 1 "Add a task to demo Kubernetes": expected a successful add_task, got no action (reply "Done!")',
    );
    expect(cluster.sql).toHaveLength(1);
  });
});
