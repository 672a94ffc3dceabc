// The scalar FMA builds of the SLEEF functions PyTorch 2.15's vectorised CPU kernels call
// (Vectorized<float>::pow is Sleef_powf16_u10, ::exp Sleef_expf16_u10, ::log Sleef_logf16_u10; the
// same for double): SLEEF computes every lane alike, so the scalar variant gives the vector lanes'
// bits. Declared here rather than through sleef.h, whose vector types Swift does not import.
float Sleef_powf1_u10purecfma(float x, float y);
double Sleef_powd1_u10purecfma(double x, double y);
float Sleef_expf1_u10purecfma(float x);
double Sleef_expd1_u10purecfma(double x);
float Sleef_logf1_u10purecfma(float x);
double Sleef_logd1_u10purecfma(double x);
float Sleef_expm1f1_u10purecfma(float x);
double Sleef_expm1d1_u10purecfma(double x);
float Sleef_log1pf1_u10purecfma(float x);
double Sleef_log1pd1_u10purecfma(double x);
double Sleef_sinhd1_u10purecfma(double x);
double Sleef_coshd1_u10purecfma(double x);
float Sleef_exp2f1_u10purecfma(float x);
double Sleef_exp2d1_u10purecfma(double x);
float Sleef_hypotf1_u05purecfma(float x, float y);
double Sleef_hypotd1_u05purecfma(double x, double y);
float Sleef_atanhf1_u10purecfma(float x);
double Sleef_atanhd1_u10purecfma(double x);
float Sleef_tanhf1_u10purecfma(float x);
double Sleef_tanhd1_u10purecfma(double x);
float Sleef_atan2f1_u10purecfma(float y, float x);
double Sleef_atan2d1_u10purecfma(double y, double x);
float Sleef_lgammaf1_u10purecfma(float x);
double Sleef_lgammad1_u10purecfma(double x);
