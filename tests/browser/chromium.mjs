// Debian's Chromium (GPUECON_CHROMIUM, set by `cargo xtask test browser`), headless, with a
// fresh profile of Playwright's own and no background connections, which this machine's
// closed network would refuse.
import { chromium } from "playwright-core";

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.GPUECON_CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}
