import { AgentApi } from './api.js';
import { ConsoleApp } from './consoleApp.js';

function mount(): void {
  const root = document.getElementById('app');
  if (root) new ConsoleApp(root, new AgentApi()).start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
