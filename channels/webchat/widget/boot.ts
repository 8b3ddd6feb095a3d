/*
 * Mesa web chat widget (design.md §4). One classic <script> tag on any page injects a launcher and a
 * chat panel. These modules are bundled into that one script (build.mjs), an IIFE that defines no
 * globals and loads nothing else: integrators paste a tag, nothing more.
 *
 * Everything sits inside a shadow root so the host page's CSS cannot reach the widget and the widget's
 * CSS cannot leak out. Every visible string comes from /api/chat/i18n/<lang>; message data only ever
 * reaches the DOM through textContent.
 */
import { MesaWidget } from './mesa-widget.js';
import { readConfig } from './widget-config.js';

// Must be read while the script runs: currentScript is null in any later callback.
const currentScript = document.currentScript as HTMLScriptElement | null;

function boot(): void {
  // A page that includes the tag twice still gets one widget.
  if (document.querySelector('mesa-widget')) return;
  void new MesaWidget(readConfig(currentScript)).mount();
}

if (document.body) boot();
else document.addEventListener('DOMContentLoaded', boot, { once: true });
