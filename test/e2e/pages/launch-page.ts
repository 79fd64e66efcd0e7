import type { Page } from 'playwright-core';

/** The launch wizard as a person uses it: fill the form, review the change set, execute. */
export class LaunchPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/launch${query}`);
    await this.page.getByTestId('launch-form').waitFor({ state: 'visible', timeout: 30_000 });
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Picks the first VPC, then one subnet per AZ in both subnet lists (filtered by that VPC). */
  async chooseNetwork(): Promise<string[]> {
    const vpc = this.field('VPC');
    await vpc.locator('option').nth(1).waitFor({ state: 'attached', timeout: 20_000 });
    const vpcValue = await vpc.locator('option').nth(1).getAttribute('value');
    await vpc.selectOption(vpcValue ?? '');
    const subnets = this.field('Load balancer subnets');
    await subnets.locator('option').nth(2).waitFor({ state: 'attached', timeout: 20_000 });
    const options = await subnets.locator('option').evaluateAll((nodes) =>
      nodes.map((node) => ({
        value: (node as HTMLOptionElement).value,
        text: node.textContent ?? '',
      })),
    );
    const byZone = new Map<string, string>();
    for (const option of options) {
      const zone = /[a-z]{2}-[a-z]+-\d[a-z]/.exec(option.text)?.[0];
      if (option.value !== '' && zone !== undefined && !byZone.has(zone))
        byZone.set(zone, option.value);
    }
    const chosen = [...byZone.values()];
    await subnets.selectOption(chosen);
    await this.field('Controller and agent subnets').selectOption(chosen);
    return options.map((option) => option.value).filter((value) => value !== '');
  }

  async fillRequired(stackName: string, password: string): Promise<void> {
    await this.page.getByLabel('Stack name').fill(stackName);
    await this.chooseNetwork();
    await this.field('Allowed client CIDR').fill('0.0.0.0/0');
    await this.field('Controller image').fill(
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/jenkins-on-aws:2.568.2-1',
    );
    await this.field('Jenkins admin password').fill(password);
    const acknowledge = this.page.getByTestId('acknowledge-capabilities');
    if (await acknowledge.isVisible()) await acknowledge.check();
  }

  reviewButton() {
    return this.page.getByRole('button', { name: 'Review change set' });
  }

  async review(): Promise<void> {
    await this.reviewButton().click();
    await this.page.getByTestId('launch-review').waitFor({ state: 'visible', timeout: 60_000 });
  }

  async execute(): Promise<void> {
    await this.page.getByTestId('execute-launch').click();
    await this.page.getByTestId('launch-progress').waitFor({ state: 'visible', timeout: 30_000 });
  }

  /** Waits for the create to end and returns the Jenkins URL the wizard shows. */
  async waitForJenkinsUrl(): Promise<string> {
    const url = this.page.getByTestId('jenkins-url');
    await url.waitFor({ state: 'visible', timeout: 120_000 });
    return (await url.textContent()) ?? '';
  }
}
