// Runs the describe suite against tf.js 2.x (the npm alias 'tfjs2').
import * as tf from 'tfjs2';
import { describeSuite } from './describe-suite';

describeSuite('tf.js ' + tf.version.tfjs, tf);
