/**
 * What jsdom lacks and the design system's Radix primitives (selects, modals) call: the browser
 * suite covers real layout, these only keep the components from throwing. As Strapi's own admin
 * test environment provides them.
 */
class Observer {
  root = null;
  rootMargin = '';
  thresholds = [];
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}

if (typeof window !== 'undefined') {
  window.ResizeObserver ??= Observer;
  window.IntersectionObserver ??= Observer;
  const element = window.HTMLElement.prototype;
  element.scrollIntoView ??= () => {};
  element.hasPointerCapture ??= () => false;
  element.releasePointerCapture ??= () => {};
  element.setPointerCapture ??= () => {};
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
