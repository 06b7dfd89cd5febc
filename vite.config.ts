// The console: Vite + React, built from client/ into dist/client, which the server serves with an SPA fallback.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://localhost:3000';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/twilio': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
