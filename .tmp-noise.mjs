const times = [];
let x = 0;
for (let i = 0; i < 5220; i++) { const t = performance.now(); for (let j = 0; j < 20000; j++) x += Math.sqrt(j); times.push(performance.now() - t); }
times.sort((a, b) => a - b);
console.log('noise p50', times[2610].toFixed(3), 'p99', times[Math.floor(5220 * 0.99)].toFixed(3), 'max', times[5219].toFixed(1));
