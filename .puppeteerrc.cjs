// Mesa drives Debian's /usr/bin/chromium; never download a browser at install time.
module.exports = { skipDownload: true };
