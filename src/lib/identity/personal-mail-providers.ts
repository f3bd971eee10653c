/**
 * Mail providers anyone can sign up to: their domain says nothing about an employer, so a domain
 * line never maps them (a whole-address line still can).
 */

const EXACT = new Set([
  'gmail.com',
  'googlemail.com',
  'msn.com',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'protonmail.com',
  'protonmail.ch',
  'proton.me',
  'pm.me',
  'tutanota.com',
  'tutanota.de',
  'tuta.io',
  'fastmail.com',
  'fastmail.fm',
  'hey.com',
  'duck.com',
  'hushmail.com',
  'mail.com',
  'email.com',
  'zoho.com',
  'zohomail.com',
  'mailbox.org',
  'posteo.de',
  'posteo.net',
  'disroot.org',
  'riseup.net',
  'web.de',
  't-online.de',
  'freenet.de',
  'arcor.de',
  'mail.ru',
  'bk.ru',
  'list.ru',
  'inbox.ru',
  'ya.ru',
  'rambler.ru',
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  '139.com',
  '188.com',
  'sina.com',
  'sina.cn',
  'sohu.com',
  'aliyun.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
  'rediffmail.com',
  'free.fr',
  'orange.fr',
  'wanadoo.fr',
  'laposte.net',
  'sfr.fr',
  'libero.it',
  'virgilio.it',
  'tiscali.it',
  'seznam.cz',
  'centrum.cz',
  'wp.pl',
  'o2.pl',
  'interia.pl',
  'onet.pl',
  'abv.bg',
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'earthlink.net',
  'btinternet.com',
  'ntlworld.com',
  'shaw.ca',
  'rogers.com',
  'bigpond.com',
  'optusnet.com.au',
  'users.noreply.github.com',
  'users.sourceforge.net',
]);

/** Brands with a domain per country: `yahoo.com`, `yahoo.co.uk`, `hotmail.fr`, `gmx.de`, ... */
const BRANDS = /^(yahoo|hotmail|outlook|live|aol|gmx|yandex)\.[a-z]{2,3}(\.[a-z]{2})?$/;

/** True when `domain` (lower-case) or a domain above it is a personal mail provider. */
export function isPersonalMailDomain(domain: string): boolean {
  for (let at = domain; ;) {
    if (EXACT.has(at) || BRANDS.test(at)) return true;
    const dot = at.indexOf('.');
    if (dot < 0) return false;
    at = at.slice(dot + 1);
  }
}

/** The domain of an address (after its last `@`), lower-cased; '' when it has none. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}
